import * as cdktn from 'cdktn';
import * as lib from '../../lib/cdktn';
import { providerSuite } from '../support/provider-suite';

// Providers per tier on CDK Terrain, through `adcs-firewall/cdktn`.
providerSuite({ name: 'cdktn', core: cdktn, lib });
