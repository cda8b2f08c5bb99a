import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Messages } from '../../errors';
import { annotationOf } from '../../findings/text';
import { warningFindings } from '../../findings/warning-findings';
import { printFindings } from '../findings-output';
import { failOnOption, FindingsFormat, formatOption } from '../output';
import { planEstate, requireEnforcement } from '../../spec/estate-plan';
import { estateRecordMetadata } from '../../spec/estate-record';
import { stableJson } from '../../terraform/stable-json';
import { CDKTF_VERSION, stackJson } from '../../terraform/stack-document';
import { loadAndCheck } from './common';
import { CliIo, ExitCode, UsageError } from '../io';

/** Construct id of the estate in the stack the CLI writes (as `new AdcsEnrollmentSecurity(stack, 'adcs', …)`). */
export const ESTATE_CONSTRUCT_ID = 'adcs';

/**
 * `synth --spec FILE [--out DIR]`: writes the estate's stack as CDKTF does
 * (`DIR/stacks/<name>/cdk.tf.json`, and the stack's entry in `DIR/manifest.json`), straight from
 * the platform's writer: no framework is loaded. Everything is computed before anything is
 * written: on any error nothing is created or changed under DIR.
 */
export function synthCommand(opts: { spec?: string; out?: string; format?: string; 'fail-on'?: string }, io: CliIo): ExitCode {
  if (!opts.spec) throw new UsageError(Messages.commandNeeds('synth', '--spec FILE'));
  const file = opts.spec;
  const format = formatOption(opts.format, Object.values(FindingsFormat), FindingsFormat.TABLE);
  const failOn = failOnOption(opts['fail-on']);
  const { doc, spec } = loadAndCheck(file, 'synth');
  const planned = planEstate(spec, file, 'synth', doc.platform !== undefined);
  requireEnforcement(spec, file);
  const name = spec.estate.name;
  const text = stackJson({
    stackName: name, scope: [ESTATE_CONSTRUCT_ID, planned.platform.constructId], elements: planned.elements,
    providers: planned.platform.providers(spec), backendPath: `terraform.${name}.tfstate`, frameworkVersion: CDKTF_VERSION,
    metadata: estateRecordMetadata(`${name}/${ESTATE_CONSTRUCT_ID}`, doc),
  });
  // As the constructs annotate: the estate's warnings on it, the platform's on its construct,
  // acknowledged ones and notes as info.
  const estatePath = `${name}/${ESTATE_CONSTRUCT_ID}`;
  const findings = warningFindings([...spec.warnings, ...planned.warnings], spec.acknowledgements);
  const annotations = findings.map((f, i) => ({
    constructPath: i >= spec.warnings.length && i < spec.warnings.length + planned.warnings.length ? `${estatePath}/${planned.platform.constructId}` : estatePath,
    ...annotationOf(f),
  }));
  const entry = {
    annotations, constructPath: name, dependencies: [], name,
    stackMetadataPath: `stacks/${name}/metadata.json`, synthesizedStackPath: `stacks/${name}/cdk.tf.json`, workingDirectory: `stacks/${name}`,
  };
  if (printFindings(io, 'synth', findings, format, file, failOn)) return ExitCode.FINDINGS;
  const outDir = resolve(opts.out ?? 'cdktf.out');
  const target = join(outDir, 'stacks', name);
  mkdirSync(target, { recursive: true });
  // Only what synth writes is replaced (each file whole, through a rename): the stack's folder
  // keeps the user's .terraform/, .terraform.lock.hcl, *_override.tf.json and state.
  replaceFile(join(target, 'cdk.tf.json'), text);
  replaceFile(join(outDir, 'manifest.json'), mergeManifest(join(outDir, 'manifest.json'), name, entry));
  if (format === FindingsFormat.TABLE) io.out(`${file}: wrote ${join(opts.out ?? 'cdktf.out', 'stacks', name, 'cdk.tf.json')}\n`);
  return ExitCode.OK;
}

/** Writes `file` whole: the text goes to a file beside it, which then takes its name. */
export function replaceFile(file: string, text: string): void {
  const fresh = `${file}.adcs-synth-${process.pid}`;
  try {
    writeFileSync(fresh, text);
    renameSync(fresh, file);
  } finally {
    rmSync(fresh, { force: true });
  }
}

/** The existing manifest with this stack's entry replaced (other stacks kept). */
function mergeManifest(existingPath: string, stack: string, entry: object): string {
  // As CDKTF writes a fresh manifest (sorted keys), re-read as JSON.
  const fresh = JSON.parse(stableJson({ stacks: { [stack]: entry }, version: CDKTF_VERSION }));
  let merged = fresh;
  if (existsSync(existingPath)) {
    try {
      const old = JSON.parse(readFileSync(existingPath, 'utf8'));
      if (old && typeof old === 'object' && old.stacks && typeof old.stacks === 'object') {
        merged = { ...fresh, stacks: { ...old.stacks, [stack]: fresh.stacks[stack] } };
      }
    } catch {
      merged = fresh;
    }
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}
