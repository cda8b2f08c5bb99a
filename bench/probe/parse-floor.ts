// Measured child: `node -r exit-report.js parse-floor.js <file>...` reads and `JSON.parse`s each
// file: the floor of any tool that reads the same exports. Marks `workMs`.
import { readFileSync } from 'node:fs';
import { mark, msSince } from './marks';

const start = process.hrtime.bigint();
let items = 0;
for (const file of process.argv.slice(2)) {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  items += Array.isArray(value) ? value.length : 1;
}
mark('workMs', msSince(start));
mark('items', items);
