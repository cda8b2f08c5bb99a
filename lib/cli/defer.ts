import Module from 'node:module';
import { dirname } from 'node:path';

/**
 * CLI start-up only: cdktf loads `archiver` (a zip library, ~70 ms and 6 MB) at import, for
 * asset archives this tool never makes. Pre-seeds the module cache with a stand-in that loads
 * the real library on first call, so a synth doesn't pay for it. Never used by the constructs:
 * a user's app keeps cdktf's own behaviour.
 */
export function deferArchiver(): void {
  let path: string;
  try {
    path = require.resolve('archiver', { paths: [dirname(require.resolve('cdktf'))] });
  } catch {
    return; // cdktf or archiver not installed: nothing to defer
  }
  if (require.cache[path]) return;
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = function lazyArchiver(this: unknown, ...args: unknown[]): unknown {
    delete require.cache[path];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = require(path) as (...a: unknown[]) => unknown;
    return real.apply(this, args);
  };
  require.cache[path] = stub;
}
