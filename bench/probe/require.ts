// Measured child: `node -r exit-report.js require.js <module>...` loads each module in turn
// (package names resolved from the repository root, or absolute paths) and marks the time each
// require took, as `require <module>` (modules already loaded by an earlier one cost ~0).
import { join } from 'node:path';
import { mark, msSince } from './marks';

const root = join(__dirname, '..', '..', '..');
for (const name of process.argv.slice(2)) {
  const start = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(require.resolve(name, { paths: [root] }));
  mark(`require ${name}`, msSince(start));
}
