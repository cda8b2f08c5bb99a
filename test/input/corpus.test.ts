import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { MAX_SPEC_BYTES, MAX_SPEC_DEPTH } from '../../lib/input/load';
import { runCli } from '../support/io';

/*
 * The spec-file half of the bad-input corpus: every file under corpus/bad is a malformed spec
 * with its exact stderr in a sidecar `.expected` (`<file>` stands for the path given to
 * --spec). `validate` must exit 2, print exactly that, and write nothing to stdout.
 */

// Compiled to dist/test/input: the corpus stays in the source tree.
const CORPUS = path.resolve(__dirname, '../../../test/input/corpus');
const SPEC = /\.(ya?ml|json)$/;
const specsIn = (dir: string): string[] => readdirSync(path.join(CORPUS, dir)).filter((f) => SPEC.test(f)).sort();

function expectedFor(file: string, shownAs: string): string {
  return readFileSync(file.replace(SPEC, '.expected'), 'utf8').split('<file>').join(shownAs);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'adcs-corpus-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('bad-input corpus (validate --spec)', () => {
  const bad = specsIn('bad');

  it('holds at least 45 malformed specs, each with its expected message', () => {
    // GIVEN the corpus directory  THEN it is big enough and no spec lacks its sidecar
    assert.ok(bad.length >= 45, `${bad.length} specs`);
    for (const f of bad) assert.ok(readdirSync(path.join(CORPUS, 'bad')).includes(f.replace(SPEC, '.expected')), f);
  });

  for (const name of bad) {
    it(name, async () => {
      // GIVEN a malformed spec
      const file = path.join(CORPUS, 'bad', name);
      // WHEN validated through the CLI
      const { code, out, err } = await runCli(['validate', '--spec', file]);
      // THEN exit 2, exactly the expected message on stderr, nothing on stdout
      assert.equal(err, expectedFor(file, file));
      assert.equal(code, 2);
      assert.equal(out, '');
    });
  }

  it('matrix refuses the same specs the same way (exit 2, nothing written)', async () => {
    // GIVEN every bad spec  WHEN `matrix --format json` reads it  THEN the same message, no output
    for (const name of bad) {
      const file = path.join(CORPUS, 'bad', name);
      const { code, out, err } = await runCli(['matrix', '--spec', file, '--format', 'json']);
      assert.deepEqual({ code, out, err }, { code: 2, out: '', err: expectedFor(file, file) }, name);
    }
  });
});

describe('bad files built at test time', () => {
  const cases: [string, () => string, (f: string) => string][] = [
    ['a file that does not exist', () => path.join(tmp, 'missing.yaml'),
      (f) => `error: ${f}: file not found; give the path of a YAML or JSON spec\n`],
    ['a directory', () => { const d = path.join(tmp, 'a-dir.yaml'); mkdirSync(d); return d; },
      (f) => `error: ${f}: cannot read the file: it is a directory\n`],
    ['a path through a file (not readable as a spec)', () => { const p = path.join(tmp, 'plain.yaml'); writeFileSync(p, 'x: 1\n'); return path.join(p, 'spec.yaml'); },
      (f) => `error: ${f}: cannot read the file: ENOTDIR: not a directory, stat '${f}'\n`],
    ['a file one byte over the size limit', () => {
      const p = path.join(tmp, 'huge.yaml');
      writeFileSync(p, `# ${'x'.repeat(MAX_SPEC_BYTES - 2)}\n`); // 2 + (MAX - 2) + 1 bytes
      return p;
    }, (f) => `error: ${f}: the file is ${MAX_SPEC_BYTES + 1} bytes; a spec may be at most ${MAX_SPEC_BYTES} bytes\n`],
    ['JSON nested 100,000 levels deep (was an internal error: stack overflow)', () => {
      const p = path.join(tmp, 'deep.json');
      writeFileSync(p, `{"tiers": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
      return p;
    }, (f) => `error: ${f}: the document nests deeper than ${MAX_SPEC_DEPTH} levels; a spec needs at most 4\n`],
    ['YAML nested one level deeper than the limit', () => {
      const p = path.join(tmp, 'deep.yaml');
      writeFileSync(p, `tiers: ${'['.repeat(MAX_SPEC_DEPTH)}${']'.repeat(MAX_SPEC_DEPTH)}\n`);
      return p;
    }, (f) => `error: ${f}: the document nests deeper than ${MAX_SPEC_DEPTH} levels; a spec needs at most 4\n`],
  ];
  for (const [name, make, expected] of cases) {
    it(name, async () => {
      // GIVEN the bad path  WHEN validated  THEN exit 2, the exact message, no stdout
      const file = make();
      const { code, out, err } = await runCli(['validate', '--spec', file]);
      assert.deepEqual({ code, out, err }, { code: 2, out: '', err: expected(file) });
    });
  }

  it('a file exactly at the size limit is read (the limit is inclusive)', async () => {
    // GIVEN a valid spec padded with a comment to exactly MAX_SPEC_BYTES  WHEN validated  THEN accepted
    const p = path.join(tmp, 'at-limit.yaml');
    const body = 'tiers:\n  clients: { cidrs: [10.20.0.0/16] }\n  ca: { cidrs: [10.0.1.0/24] }\n  dc: { cidrs: [10.0.0.0/24] }\n';
    writeFileSync(p, `${body}# ${'x'.repeat(MAX_SPEC_BYTES - body.length - 3)}\n`);
    const { code, err } = await runCli(['validate', '--spec', p]);
    assert.equal(err, '');
    assert.equal(code, 0);
  });

  it('JSON with a syntax error (the parser\'s own detail varies by Node version)', async () => {
    // GIVEN truncated JSON  WHEN validated  THEN exit 2, one line naming the file and "not valid JSON"
    const p = path.join(tmp, 'broken.json');
    writeFileSync(p, '{ "tiers": { "clients": ');
    const { code, out, err } = await runCli(['validate', '--spec', p]);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, new RegExp(`^error: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON: .+\\n$`));
  });
});

describe('good corpus', () => {
  const good = specsIn('good');
  it('holds a handful of specs', () => {
    // GIVEN the good corpus  THEN there is something to check
    assert.ok(good.length >= 5);
  });
  for (const name of good) {
    it(name, async () => {
      // GIVEN a valid spec  WHEN validated
      const file = path.join(CORPUS, 'good', name);
      const { code, out, err } = await runCli(['validate', '--spec', file]);
      // THEN exit 0, a one-line summary, and at most warnings on stderr
      assert.equal(code, 0, err);
      assert.match(out, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: valid; \\d+ tiers, \\d+ flows, platform (azure|aws|not set), \\d+ warnings?\\n$`));
      for (const line of err.split('\n').filter(Boolean)) assert.match(line, /^warning: \[ADCS-W[0-9]{3}\] /);
    });
  }

  it('overlapping CIDRs between tiers are legal and silent', async () => {
    // GIVEN co-located CES/CEP/Web Enrollment and a CA inside the clients' block
    const { code, out, err } = await runCli(['validate', '--spec', path.join(CORPUS, 'good', '05-co-located-tiers.yaml')]);
    // THEN valid, 0 warnings, nothing on stderr
    assert.equal(code, 0);
    assert.match(out, /, 0 warnings\n$/);
    assert.equal(err, '');
  });
});

describe('warnings corpus', () => {
  for (const name of specsIn('warn')) {
    it(name, async () => {
      // GIVEN a valid spec with something to warn about  WHEN validated
      const file = path.join(CORPUS, 'warn', name);
      const { code, out, err } = await runCli(['validate', '--spec', file]);
      // THEN exit 0, exactly the expected warnings, and the summary counts them
      const expected = expectedFor(file, file);
      assert.equal(err, expected);
      assert.equal(code, 0);
      const count = expected.split('\n').filter(Boolean).length;
      assert.match(out, new RegExp(`, ${count} warning${count === 1 ? '' : 's'}\\n$`));
    });
  }
});
