import { TfDocument, TfInstance, TfProblemKind } from '../terraform/document';
import type { NetworkProblem } from './evaluator';

/**
 * `removed` blocks with `destroy = false`: Terraform forgets the object and leaves it in the
 * cloud, where it keeps filtering traffic with values the document no longer states. One that
 * names a module, or a type that writes network security (`security`), is unresolved.
 */
export function forgottenByRemovedBlocks(doc: TfDocument, security: (type: string) => boolean): NetworkProblem[] {
  return doc.removed.filter((r) => r.destroy === false && (r.from.startsWith('module.') || security(r.from.split('.')[0])))
    .map((r) => ({ kind: TfProblemKind.UNRESOLVED, element: `removed.${r.from}`, offset: r.offset,
      message: `removed from Terraform with destroy = false: ${r.from} stays in the cloud, with values this document does not state, and may filter the estate's traffic` }));
}

/** Arguments whose being left alone changes nothing a rule lets through. */
const HARMLESS_IGNORED = new Set(['tags', 'description', 'timeouts']);

/**
 * `lifecycle.ignore_changes` on a resource that writes network security: on update Terraform
 * leaves those arguments as the cloud holds them, so the document does not state what an
 * existing object lets through ("ignored when planning an update"; Terraform docs, "The
 * lifecycle Meta-Argument"). Unresolved, unless only tags or descriptions are ignored. A plan's
 * `after` already holds the kept values: only configurations are concerned.
 */
export function ignoredChangesProblems(instances: readonly TfInstance[], security: (i: TfInstance) => boolean): NetworkProblem[] {
  return instances.filter((i) => i.mode === 'managed' && security(i) && (i.ignoredChanges ?? []).some((a) => !HARMLESS_IGNORED.has(a)))
    .map((i) => ({ kind: TfProblemKind.UNRESOLVED, element: i.address, offset: i.offset,
      message: `lifecycle.ignore_changes (${i.ignoredChanges!.join(', ')}): on update Terraform leaves these as the cloud holds them, so what the existing object lets through is not stated here` }));
}
