import type { Acknowledgement } from '../findings/acknowledge';
import { Estate } from '../model/estate';
import { Platform } from '../model/options';
import { Warning } from '../findings/warning';

/** A validated spec file or props: the estate, its platform settings and the warnings found on the way. */
export interface ResolvedInput {
  /** The estate the flow model reads. */
  readonly estate: Estate;
  /** Target platform, when the spec names or implies one. */
  readonly platform?: Platform;
  /**
   * The platform's settings block, validated, defaults filled in: the platform's own data (an
   * Azure estate's resource group and priority window, an AWS estate's VPC and rule quota).
   */
  readonly settings?: unknown;
  /** Warnings of the spec, the flow model and the platform's spec keys. */
  readonly warnings: readonly Warning[];
  /** The findings the spec acknowledges, each with its reason. */
  readonly acknowledgements: readonly Acknowledgement[];
}
