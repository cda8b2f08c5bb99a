/**
 * Measures `check` on the default Azure estate (clients, CA, CES, DC on created NSGs) with N
 * non-adjacent client /24s: `node dist/test/check/support/check-scale.js 100,500,1000`. A
 * script, not a timed test (speed targets live in `npm run bench`).
 */
import { checkPlan } from '../../../lib/check/check';
import { resolveSpec } from '../../../lib/spec';
import { EstateProps } from '../../../lib/input/props';
import { planEstate } from '../../../lib/spec/estate-plan';
import { CDKTF_VERSION, stackJson } from '../../../lib/terraform/stack-document';
import { subnet } from '../../support/estates';
import { estateProps } from '../../support/fixtures';

/** The default Azure estate with `n` client /24s (every other /24 from 10.100.0.0, so none aggregate). */
export function scaledAzure(n: number): EstateProps {
  const cidrs = Array.from({ length: n }, (_, i) => `10.${100 + Math.floor((2 * i) / 256)}.${(2 * i) % 256}.0/24`);
  return estateProps({
    name: 'pki', platform: 'azure', azure: { resourceGroupName: 'rg', location: 'westeurope' },
    tiers: {
      clients: { cidrs }, ca: { cidrs: ['10.0.1.0/24'], subnetIds: [subnet('ca')] },
      ces: { cidrs: ['10.0.2.0/24'], subnetIds: [subnet('ces')] }, dc: { cidrs: ['10.0.0.0/24'], subnetIds: [subnet('dc')] },
    },
  });
}

/** Milliseconds `checkPlan` takes on the synthesized plan of `scaledAzure(n)`, and its verdict. */
export function timeCheck(n: number): { ms: number; ok: boolean } {
  const spec = resolveSpec(scaledAzure(n), 'scale');
  const planned = planEstate(spec, 'scale', 'synth', true);
  const plan = JSON.parse(stackJson({ stackName: 'pki', scope: ['adcs', planned.platform.constructId], elements: planned.elements,
    backendPath: 'terraform.pki.tfstate', frameworkVersion: CDKTF_VERSION }));
  const t0 = process.hrtime.bigint();
  const r = checkPlan(plan, spec);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, ok: r.ok };
}

if (require.main === module) {
  for (const n of (process.argv[2] ?? '100,500,1000').split(',').map(Number)) {
    const { ms, ok } = timeCheck(n);
    process.stdout.write(`${n} client CIDRs: check ${ms.toFixed(0)} ms (${ok ? 'OK' : 'FAILED'})\n`);
  }
}
