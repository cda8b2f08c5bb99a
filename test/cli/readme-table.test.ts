import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMAND_HELP, COMMANDS } from '../../lib/cli/main';
import { runCli } from '../support/io';

const ROOT = join(__dirname, '..', '..', '..');

describe('the README\'s command table (issue 24: it left out host)', () => {
  it('lists every command, and each command\'s options as its --help does', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The command line'), readme.indexOf('## The spec'));
    const rows = [...section.matchAll(/^\| `([a-z]+) ([^`]*)` \|/gm)].map((m) => [m[1], m[2]] as const);
    assert.deepEqual([...new Set(rows.map(([c]) => c))].sort(), Object.keys(COMMANDS).sort());
    for (const [command, usage] of rows) {
      for (const option of usage.match(/--[a-z-]+/g) ?? []) assert.ok(COMMAND_HELP[command].usage.includes(option), `${command} ${option}`);
    }
    // AND synth --help names --module
    const help = await runCli(['synth', '--help']);
    assert.match(help.out, /^ {2}--module +write a module \(no backend, no provider configuration; a variable for each id the spec leaves to the caller\)$/m);
    const bad = await runCli(['synth', '--spec', 'x.yaml', '--module=yes']);
    assert.equal(bad.code, 2);
    assert.doesNotMatch(bad.err, /needs a value/);
  });
});
