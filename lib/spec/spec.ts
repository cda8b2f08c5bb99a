import type { ValidateFunction } from 'ajv';
import type { EstateProps } from '../input/props';
import { resolveInput } from '../input/resolve';
import type { ResolvedInput } from '../input/resolved';
import { specSchema } from '../input/schema';
import { AJV_OPTIONS, ESTATE_VALUE_CHECKED, ShapeCheck } from '../input/validate';
import { readSpecDocument } from '../input/load';
import { PLATFORM_INPUTS } from '../platforms/registry';

/** JSON Schema (draft-07) of the spec file, every platform's part included; shipped as `schema/adcs-spec.schema.json`. */
export const SPEC_SCHEMA = specSchema(PLATFORM_INPUTS);

let compiled: ValidateFunction | undefined;

/** The spec's shape check: SPEC_SCHEMA, its validator and the values the validation words itself. */
export const SPEC_SHAPE: ShapeCheck = {
  schema: SPEC_SCHEMA,
  validator: () => {
    if (!compiled) {
      try {
        // The validator `npm run build` precompiled (about 100 ms and 17 MB less per process).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        compiled = require('./shape-validator') as ValidateFunction;
      } catch {
        // Running from sources: the same schema, compiled now, with the same options and errors.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Ajv = (require('ajv') as typeof import('ajv')).default;
        compiled = new Ajv(AJV_OPTIONS).compile(SPEC_SCHEMA);
      }
    }
    return compiled;
  },
  valueChecked: [...ESTATE_VALUE_CHECKED, ...PLATFORM_INPUTS.flatMap((p) => p.valueCheckedPaths)],
};

/**
 * Validates a spec document (parsed YAML/JSON, or construct props) and turns it into an
 * estate with its platform's settings. Throws one AdcsInputError listing every problem.
 */
export function resolveSpec(doc: EstateProps | unknown, source: string): ResolvedInput {
  return resolveInput(doc, source, PLATFORM_INPUTS, SPEC_SHAPE);
}

/** Reads, parses and validates a spec file. Throws AdcsInputError naming the file. */
export function loadSpecFile(file: string): ResolvedInput {
  return resolveSpec(readSpecDocument(file), file);
}
