import { TfDocument, TfProblemKind } from '../terraform/document';
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
