import path from 'node:path';

/** Repository root (bench/lib/ → ../..). */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

// npm run exports npm_* and the like; Vitest exports its mode. Neither belongs in a child build.
const DROP = /^(NODE_ENV|DEV|PROD|MODE|SSR|BASE_URL|TEST|VITEST.*|npm_.*|INIT_CWD)$/;

/** The environment a command would get from a shell, with the project's Node 22 first on PATH, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !DROP.test(key)));
  const bin = path.join(ROOT, 'node_modules', '.bin');
  return { ...env, PATH: `${bin}:${env.PATH ?? ''}`, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}
