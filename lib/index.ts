// The CDKTF entry point (`adcs-firewall`); `adcs-firewall/cdktn` is the CDK Terrain one.
export * from './cdktf';
