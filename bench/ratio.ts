// synth against validate on the two estates of issue 13's "done when": synth writes cdk.tf.json
// straight from the platform's writer, so it should cost little more than validate (which plans
// the same rules). Target: synth at most 1.5x validate on each.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EstateProps } from '../lib/input/props';
import { clientCidr, REPO_ROOT } from './estates';
import { median } from './measure';
import { pairedRatio, runRounds } from './rounds';

const CLI = join(REPO_ROOT, 'dist', 'lib', 'cli', 'bin.js');
/** synth may take at most this many times validate's wall time. */
export const RATIO_TARGET = 1.5;

const subnet = (name: string): string =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${name}`;

/** AWS: 60 client /24s, every server tier (and the CDP) on a created group, the DCs on an existing one, quota 1000. */
export function ratioAws(): EstateProps {
  const created = (third: number) => ({ cidrs: [`10.0.${third}.0/24`], createSecurityGroup: true });
  return {
    name: 'ratio-aws', platform: 'aws' as never, aws: { vpcId: 'vpc-0a1b2c3d4e5f67890', ruleQuota: 1000 },
    crlPublishing: 'smb' as never, ndesHttp: true, domainMemberFlows: true,
    tiers: {
      clients: { cidrs: Array.from({ length: 60 }, (_, i) => clientCidr(i)) },
      ca: created(1), ces: created(2), cep: created(3), webEnrollment: created(4), ndes: created(5), ocsp: created(6), cdp: created(7),
      ndesClients: { cidrs: ['172.16.0.0/16'] }, admins: { cidrs: ['10.0.9.0/28'] },
      dc: { cidrs: ['10.0.0.0/24'], securityGroupId: 'sg-0123456789abcdef0' },
    },
  };
}

/** Azure: 1,000 client /24s, created NSGs for ca, ces, ocsp, cdp and dc. */
export function ratioAzure(): EstateProps {
  const created = (third: number, name: string) => ({ cidrs: [`10.0.${third}.0/24`], subnetIds: [subnet(name)] });
  return {
    name: 'ratio-azure', platform: 'azure' as never, azure: { resourceGroupName: 'rg-pki', location: 'westeurope' }, crlPublishing: 'smb' as never,
    tiers: {
      clients: { cidrs: Array.from({ length: 1000 }, (_, i) => clientCidr(i)) },
      ca: created(1, 'ca'), ces: created(2, 'ces'), ocsp: created(6, 'ocsp'), cdp: created(7, 'cdp'), dc: created(0, 'dc'),
    },
  };
}

/** One row: the medians of validate and synth on one estate, and their ratio. */
export interface RatioRow {
  readonly estate: string;
  readonly validateMs: number;
  readonly synthMs: number;
  readonly ratio: number;
  readonly met: boolean;
}

/** Measures validate and synth (alternating, fresh processes) on both estates. */
export function measureRatio(reps: number, work: string): RatioRow[] {
  mkdirSync(work, { recursive: true });
  return [ratioAws(), ratioAzure()].map((props) => {
    const spec = join(work, `${props.name}.json`);
    writeFileSync(spec, JSON.stringify(props));
    // Interleaved rounds, the ratio paired per round (its median quoted).
    const [validate, synth] = runRounds([
      { name: 'validate', command: 'validate', script: CLI, args: ['validate', '--spec', spec] },
      { name: 'synth', command: 'synth', script: CLI, args: ['synth', '--spec', spec, '--out', join(work, 'out')] },
    ], reps);
    for (const c of [validate, synth]) {
      for (const m of c.byRound) if (m && m.exitCode !== 0) throw new Error(`${props.name}: exit ${m.exitCode}\n${m.stderr}`);
    }
    const ms = (c: typeof validate): number => median(c.byRound.filter((r) => r !== undefined).map((r) => r!.wallMs));
    const ratio = pairedRatio(synth, validate)!.spread.median;
    return { estate: props.name!, validateMs: ms(validate), synthMs: ms(synth), ratio, met: ratio <= RATIO_TARGET };
  });
}

/** The rows as a text table. */
export function renderRatio(rows: readonly RatioRow[]): string {
  return ['synth against validate (target: synth <= 1.5x validate)',
    ...rows.map((r) => `  ${r.estate.padEnd(12)} validate ${Math.round(r.validateMs)} ms, synth ${Math.round(r.synthMs)} ms: ${r.ratio.toFixed(2)}x ${r.met ? 'met' : 'MISSED'}`)].join('\n');
}

if (require.main === module) {
  const reps = Number(process.argv[2] ?? 7);
  const work = mkdtempSync(join(tmpdir(), 'adcs-ratio-'));
  try {
    process.stdout.write(`${renderRatio(measureRatio(reps, work))}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
