import type { ResolvedInput } from '../input/resolved';
import type { TerraformEvaluator } from './evaluator';

/**
 * Live estates: what a platform reads from its CLI's exports (`az network ... -o json`,
 * `aws ec2 describe-... --output json`) for `audit` and `explain`, and how it compares them with
 * the plan `synth` would write for `audit --adopt`. Each platform's readers live in its folder;
 * the audit command reaches them through the registry.
 */

/** One export file, read and recognised by its shape. */
export interface LiveExport {
  /** The file, as given on the command line. */
  readonly file: string;
  /** Its JSON. */
  readonly value: unknown;
  /** The command that prints that shape (`az network nsg list`, `aws ec2 describe-network-acls`). */
  readonly command: string;
}

/** What the first apply of the estate's stack would do with one resource, or what it leaves. */
export enum AdoptionAction {
  /** It exists as the plan declares it: an import block takes it over (the apply changes at most its description or tags). */
  IMPORT = 'import',
  /** It does not exist: the apply creates it. */
  CREATE = 'create',
  /** It exists under the same identity with other content: not imported; the apply fails on it until it is imported (then changed in place) or removed. */
  CHANGE = 'change',
  /** It exists, but an attribute that forces a replacement differs: not imported (importing it would make the apply replace it). */
  REPLACE = 'replace',
  /** A live rule sits where the plan puts one (the same priority and direction of an NSG): the apply fails. */
  COLLIDE = 'collide',
  /** Live, and not the stack's: the apply leaves it as it is (another team's rules, an existing NSG or group the estate only names). */
  LEAVE = 'leave',
}

/** One line of an adoption: a planned resource or a live one, and what the first apply does with it. */
export interface AdoptionItem {
  /** An `AdoptionAction` value. */
  readonly action: string;
  /** The planned element's path under the platform's construct, when the stack declares it. */
  readonly path?: readonly string[];
  /** Its Terraform type (`azurerm_network_security_rule`). */
  readonly type?: string;
  /** The live resource's import id (an ARM id, `sgr-…`, `sg-…`), when it exists. */
  readonly id?: string;
  /** How the report names it (`rg-pki/pki-ca-nsg/pki-in-clients-to-ca-tcp`). */
  readonly label: string;
  /** What differs, collides or stays, and why. */
  readonly detail: string;
}

/** What the first apply would do to take the live estate over. */
export interface Adoption {
  /** Every planned resource and every live one of the estate's enforcement points, each once. */
  readonly items: readonly AdoptionItem[];
  /** What the comparison could not tell (an export missing for it), one line each. */
  readonly notes: readonly string[];
}

/** A platform's readers of live exports. */
export interface PlatformLive<P> {
  /** The commands whose JSON output the platform reads, for messages. */
  readonly commands: readonly string[];
  /** The command that prints this JSON's shape, when it is one of the platform's exports. */
  recognise(value: unknown): string | undefined;
  /** Why this JSON is close to an export but not one (an ARM REST body, a --query projection), when it is. */
  nearMiss(value: unknown): string | undefined;
  /** The estate as the exports show it, judged with the platform's semantics (mismatches and what cannot be judged among its problems). */
  evaluator(exports: readonly LiveExport[], spec: ResolvedInput): TerraformEvaluator;
  /** The live estate compared with the plan, resource by resource. */
  adopt(exports: readonly LiveExport[], spec: ResolvedInput, plan: P): Adoption;
}
