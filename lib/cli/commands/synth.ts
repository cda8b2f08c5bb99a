import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AdcsInputError, Messages, problem } from '../../errors';
import { substituteModuleInputs } from '../../input/module-inputs';
import { readSpecDocument } from '../../input/load';
import { PLATFORM_INPUTS } from '../../platforms/registry';
import { estateModule } from '../../spec/estate-module';
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
export function synthCommand(opts: { spec?: string; out?: string; format?: string; 'fail-on'?: string; module?: boolean }, io: CliIo): ExitCode {
  if (!opts.spec) throw new UsageError(Messages.commandNeeds('synth', '--spec FILE'));
  const file = opts.spec;
  const format = formatOption(opts.format, Object.values(FindingsFormat), FindingsFormat.TABLE);
  const failOn = failOnOption(opts['fail-on']);
  if (opts.module === true) return synthModule(file, opts.out, format, failOn, io);
  const { doc, spec } = loadAndCheck(file, 'synth');
  const inputs = substituteModuleInputs(doc, PLATFORM_INPUTS).inputs;
  if (inputs.length > 0) {
    throw new AdcsInputError(file, [problem(inputs[0].path, Messages.moduleInputOutsideModule(inputs.map((i) => i.path),
      'write a module with synth --module (the caller then gives each as a variable), or give a stack the value itself (or a Terraform expression)'))]);
  }
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

/**
 * `synth --spec FILE --module [--out DIR]`: the estate as a Terraform module for plain Terraform
 * and OpenTofu root modules (main.tf.json, versions.tf.json, README.md in DIR, by default
 * modules/<name>). Only those files are replaced; everything is computed before anything is written.
 */
function synthModule(file: string, out: string | undefined, format: FindingsFormat, failOn: ReturnType<typeof failOnOption>, io: CliIo): ExitCode {
  const doc = readSpecDocument(file);
  // The estate's name decides the default folder; the module is built once that is known.
  const name = typeof (doc as { name?: unknown })?.name === 'string' ? (doc as { name: string }).name : 'adcs';
  const outDir = resolve(out ?? join('modules', name));
  const fromHere = relative(process.cwd(), outDir).split(sep).join('/');
  const source = isAbsolute(fromHere) ? fromHere : fromHere.startsWith('..') ? fromHere : `./${fromHere}`;
  const m = estateModule(doc, file, source);
  const findings = warningFindings([...m.spec.warnings, ...m.planned.warnings], m.spec.acknowledgements);
  if (printFindings(io, 'synth', findings, format, file, failOn)) return ExitCode.FINDINGS;
  mkdirSync(outDir, { recursive: true });
  replaceFile(join(outDir, 'main.tf.json'), m.files.main);
  replaceFile(join(outDir, 'versions.tf.json'), m.files.versions);
  replaceFile(join(outDir, 'README.md'), m.readme);
  if (format === FindingsFormat.TABLE) {
    const shown = out ?? join('modules', name);
    io.out(`${file}: wrote the module ${shown} (main.tf.json, versions.tf.json, README.md); call it as:\n\n${m.call}`);
  }
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
