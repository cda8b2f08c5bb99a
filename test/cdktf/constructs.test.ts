import * as cdktf from 'cdktf';
import * as lib from '../../lib';
import { constructSuite } from '../support/construct-suite';

// The construct tests on CDKTF, through the root entry point `adcs-firewall`.
constructSuite({ name: 'cdktf', core: cdktf, lib });
