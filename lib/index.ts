// The CDKTF entry point (`adcs-firewall`): checked first, so a missing cdktf is named, not a bare Cannot find module.
import './cdktf/require-cdktf';
export * from './public';
export * from './cdktf';
