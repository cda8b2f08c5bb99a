import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toCdktn, cdktnName } = require(join(ROOT, 'scripts', 'generate-cdktn.js')) as { toCdktn(text: string): string; cdktnName(name: string): string };

const ts = (dir: string): string[] => readdirSync(join(ROOT, 'lib', dir)).filter((n) => n.endsWith('.ts')).sort();

describe('lib/cdktn is generated from lib/cdktf at build (issue 25: one source for the two frameworks)', () => {
  it('has one file per cdktf source, and no other', () => {
    assert.deepEqual(ts('cdktn'), ts('cdktf').map(cdktnName).sort());
    assert.deepEqual(ts('cdktn'), ['adcs-enrollment-security.ts', 'aws-security-group-rules.ts', 'azure-nsg-rules.ts', 'index.ts', 'require-cdktn.ts', 'resource.ts']);
  });

  it('each file differs from its cdktf source only in the framework: package, framework object and require module', () => {
    for (const name of ts('cdktf')) {
      const source = readFileSync(join(ROOT, 'lib', 'cdktf', name), 'utf8');
      const generated = readFileSync(join(ROOT, 'lib', 'cdktn', cdktnName(name)), 'utf8');
      const [header, ...body] = generated.split('\n');
      assert.equal(header, `// Generated from lib/cdktf/${name} by scripts/generate-cdktn.js at build; do not edit.`);
      assert.equal(body.join('\n'), toCdktn(source), name);
      // Line by line: every line that differs names the framework (cdktf → cdktn, CDKTF → CDKTN).
      const a = source.split('\n');
      body.forEach((line, i) => {
        if (line !== a[i]) assert.equal(line.replace(/cdktn/g, 'cdktf').replace(/CDKTN/g, 'CDKTF'), a[i], `${name}:${i + 1}`);
      });
    }
  });

  it('the swap leaves other words alone and can tell the frameworks apart', () => {
    assert.equal(toCdktn("import { App } from 'cdktf';\nconst CDKTF_VERSION = 1; requireFramework('cdktf'); CDKTF;"),
      "import { App } from 'cdktn';\nconst CDKTF_VERSION = 1; requireFramework('cdktn'); CDKTN;");
  });

  it('both entry points export the same names', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cdktf = Object.keys(require(join(ROOT, 'dist', 'lib'))).sort();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cdktn = Object.keys(require(join(ROOT, 'dist', 'lib', 'cdktn'))).sort();
    assert.deepEqual(cdktn, cdktf);
    assert.ok(cdktf.includes('AdcsEnrollmentSecurity') && cdktf.includes('AdcsProvider'));
  });
});
