import { spawnSync } from 'node:child_process';

/** The `terraform` binary the tests run (`TERRAFORM` overrides), and whether it is on PATH. */
export const TERRAFORM = process.env.TERRAFORM ?? 'terraform';

/** Why the Terraform tests are skipped, or false when `terraform` runs. */
export const NO_TERRAFORM: string | false = (() => {
  const r = spawnSync(TERRAFORM, ['version'], { encoding: 'utf8', env: terraformEnv() });
  return r.status === 0 ? false : `${TERRAFORM} is not on PATH: the test needs Terraform >= 1.5 (no provider is downloaded)`;
})();

function terraformEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_CLI_CONFIG_FILE: '/dev/null' };
}

/** Runs terraform in `cwd` (stdin `input`, when given); its exit code and output. */
export function terraform(args: readonly string[], cwd: string, input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(TERRAFORM, args, { cwd, input, encoding: 'utf8', env: terraformEnv(), timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout ?? '', err: r.stderr ?? '' };
}
