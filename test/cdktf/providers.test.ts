import * as cdktf from 'cdktf';
import * as lib from '../../lib';
import { providerSuite } from '../support/provider-suite';

// Providers per tier on CDKTF, through the root entry point `adcs-firewall`.
providerSuite({ name: 'cdktf', core: cdktf, lib });
