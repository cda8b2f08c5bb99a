// Preloaded into every measured child with `node -r <this file>`: at exit, it prints one line
// `@@adcs-bench {...}` (a ChildReport) on stdout. Works for any script, the CLI included.
import { writeSync } from 'node:fs';
import { ChildReport, Marks, MARKS_KEY, REPORT_PREFIX } from './protocol';

process.on('exit', (code) => {
  const report: ChildReport = {
    maxRssKb: process.resourceUsage().maxRSS,
    uptimeMs: process.uptime() * 1000,
    exitCode: code,
    marks: (globalThis as { [MARKS_KEY]?: Marks })[MARKS_KEY] ?? {},
  };
  // Synchronous write: the event loop is gone at 'exit'. A newline first, in case the script's
  // own output did not end with one.
  writeSync(1, `\n${REPORT_PREFIX}${JSON.stringify(report)}\n`);
});
