import type { ResolvedInput } from '../input/resolved';
import { Adoption, AdoptionAction, AdoptionItem, LiveExport } from '../platforms/live';
import type { PlatformModule, PlatformPlan } from '../platforms/platform';
import { logicalIdOf } from '../terraform/logical-id';

/**
 * `audit --adopt`: what the first apply of the estate's stack (as `synth` writes it) needs to take
 * the live estate over without an outage. Terraform 1.5+ `import` blocks, in Terraform's JSON
 * syntax, only for resources the stack declares that exist as the plan declares them (the
 * platform decides, resource by resource); never for an NSG or group the estate only names.
 * And a report of what the apply would import, create, change, replace, collide with and leave.
 */

/** The two files of an adoption. */
export interface AdoptionFiles {
  /** `import.tf.json`: `{ "import": [{ "to": "<address>", "id": "<id>" }, ...] }`, sorted by address. */
  readonly imports: string;
  /** `adoption.md`: the report. */
  readonly report: string;
  /** The adoption itself, with each planned item's Terraform address. */
  readonly items: readonly (AdoptionItem & { readonly address?: string })[];
}

/** The Terraform address of a planned element in the stack synth writes (`scope`: construct ids down to the estate's). */
export function addressOf(platform: PlatformModule<any>, scope: readonly string[], item: AdoptionItem): string | undefined {
  return item.path && item.type ? `${item.type}.${logicalIdOf([...scope, platform.constructId, ...item.path])}` : undefined;
}

const HEADINGS: readonly [string, string][] = [
  [AdoptionAction.IMPORT, 'Imported (import.tf.json): exist as the stack declares them'],
  [AdoptionAction.CREATE, 'Created by the first apply'],
  [AdoptionAction.CHANGE, 'Changed: they exist with other content (not imported; the apply fails on them until they are imported, then changes them in place, or removed)'],
  [AdoptionAction.REPLACE, 'Replaced: importing them would make the apply replace them (not imported)'],
  [AdoptionAction.COLLIDE, 'Collisions: live rules where the plan puts one (the apply fails)'],
  [AdoptionAction.LEAVE, 'Left alone: live, and not the stack\'s'],
];

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The adoption of a live estate by a plan, as files. */
export function adoptionFiles<P extends PlatformPlan>(platform: PlatformModule<P>, plan: P, spec: ResolvedInput, exports: readonly LiveExport[], scope: readonly string[]): AdoptionFiles {
  const adoption: Adoption = platform.live.adopt(exports, spec, plan);
  const items = adoption.items.map((i) => ({ ...i, address: addressOf(platform, scope, i) }));
  const imports = items.filter((i) => i.action === AdoptionAction.IMPORT && i.address && i.id)
    .map((i) => ({ to: i.address!, id: i.id! }))
    .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const lines = [`# Adopting estate ${spec.estate.name} (${platform.platform})`, '',
    `The first \`terraform apply\` of the stack \`synth\` writes, with \`import.tf.json\` beside its \`cdk.tf.json\` (Terraform 1.5 or later), `
      + `compared with the live estate the exports show (${exports.map((e) => `\`${e.file}\``).join(', ')}).`, '',
    `| ${HEADINGS.map(([a]) => a).join(' | ')} |`, `|${HEADINGS.map(() => '---:').join('|')}|`,
    `| ${HEADINGS.map(([a]) => items.filter((i) => i.action === a).length).join(' | ')} |`, ''];
  for (const [action, heading] of HEADINGS) {
    const these = items.filter((i) => i.action === action);
    if (these.length === 0) continue;
    lines.push(`## ${heading}`, '', '| resource | address | why |', '|---|---|---|');
    for (const i of these) lines.push(`| ${cell(i.label)} | ${i.address ? `\`${i.address}\`` : ''} | ${cell(i.detail)} |`);
    lines.push('');
  }
  if (adoption.notes.length > 0) lines.push('## What the exports do not tell', '', ...adoption.notes.map((n) => `- ${n}`), '');
  return { imports: `${JSON.stringify({ import: imports }, null, 2)}\n`, report: `${lines.join('\n')}`, items };
}
