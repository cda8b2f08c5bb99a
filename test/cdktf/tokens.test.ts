import * as cdktf from 'cdktf';
import * as lib from '../../lib';
import { tokenSuite } from '../support/token-suite';

// Tokens in props on CDKTF: the user's own resources passed to the construct.
tokenSuite({ name: 'cdktf', core: cdktf, lib });
