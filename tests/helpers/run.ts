import { spawnSync } from 'node:child_process';

// Vitest exports its own mode into process.env (NODE_ENV=test, DEV=1, MODE=test…); a child Astro build
// would take them and build in development mode, drafts included.
const VITEST_KEYS = /^(NODE_ENV|DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*)$/;

/** The environment a command would see when run from a shell, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_KEYS.test(key)));
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** Runs a project command (npx resolves the Node 22 toolchain from node_modules) and captures its output. */
export function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('npx', [command, ...args], { encoding: 'utf8', env: cleanEnv(env), timeout: 180_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
