import * as cdktn from 'cdktn';
import * as lib from '../../lib/cdktn';
import { tokenSuite } from '../support/token-suite';

// Tokens in props on CDK Terrain: the user's own resources are plain TerraformResources.
tokenSuite({ name: 'cdktn', core: cdktn, lib });
