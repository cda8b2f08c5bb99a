#!/usr/bin/env node
import { deferArchiver } from './defer';

deferArchiver();
// Required after deferArchiver: cdktf (loaded by synth) must find the stand-in in the cache.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require('./main') as typeof import('./main');

main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then((code) => {
  process.exitCode = code;
});
