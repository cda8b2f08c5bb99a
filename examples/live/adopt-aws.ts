// Writes examples/live/aws/adopt/ (import.tf.json, adoption.md) for examples/aws-estate.yaml.
//
// `adcs-firewall audit --adopt` is the way to write these; on AWS, audit's evaluator is not built
// yet (audit throws before it writes the adoption), so this script does what the command does for
// --adopt alone: the spec read and planned as `synth` plans it, the exports read and recognised
// as `audit` reads them, and adoptionFiles (lib/audit/adopt.ts) with the scope synth's stack uses.
// When `audit` runs on AWS, `audit --spec examples/aws-estate.yaml --export ... --adopt
// examples/live/aws/adopt` writes the same files.
//
// Run from the repository root, after `npx tsc -p .`: node dist/examples/live/adopt-aws.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adoptionFiles, AdoptionFiles } from '../../lib/audit/adopt';
import { readExports } from '../../lib/audit/exports';
import { loadAndCheck } from '../../lib/cli/commands/common';
import { ESTATE_CONSTRUCT_ID } from '../../lib/cli/commands/synth';
import { planEstate, requireEnforcement } from '../../lib/spec/estate-plan';

/** The spec and exports of the AWS example, as paths from the repository root. */
export const AWS_LIVE = {
  spec: 'examples/aws-estate.yaml',
  exports: ['examples/live/aws/describe-security-groups.json', 'examples/live/aws/describe-security-group-rules.json'],
  adopt: 'examples/live/aws/adopt',
} as const;

/** The adoption `audit --spec specFile --export ... --adopt DIR` writes (run from the repository root: the report names the exports as given). */
export function adoptionOf(specFile: string, exportFiles: readonly string[]): AdoptionFiles {
  const { spec } = loadAndCheck(specFile, 'audit');
  requireEnforcement(spec, specFile);
  const planned = planEstate(spec, specFile, 'audit', false);
  const exports = readExports(exportFiles, spec.platform!);
  return adoptionFiles(planned.platform, planned.plan, spec, exports, [ESTATE_CONSTRUCT_ID]);
}

if (require.main === module) {
  const files = adoptionOf(AWS_LIVE.spec, AWS_LIVE.exports);
  mkdirSync(AWS_LIVE.adopt, { recursive: true });
  writeFileSync(join(AWS_LIVE.adopt, 'import.tf.json'), files.imports);
  writeFileSync(join(AWS_LIVE.adopt, 'adoption.md'), files.report);
  process.stdout.write(`Adoption written to ${AWS_LIVE.adopt}: import.tf.json, adoption.md\n`);
}
