import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatePassword } from '../../src/cinema/staff-password.ts';
import { devVars } from '../dev-vars.ts';
import { bootstrapAccount } from './bootstrap-account.ts';

/** Where the local dev admin's API token is kept per server address (wrangler dev's state folder is gitignored). */
const CACHE = '.wrangler/huigong-dev-staff-tokens.json';

export const isLocalUrl = (url: string | URL) => /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(String(url));

async function works(url: string | URL, token: string): Promise<boolean> {
  const response = await fetch(new URL('/api/staff/me', url), { headers: { Authorization: `Bearer ${token}` } });
  return response.ok;
}

/**
 * The API token a script sends: --token, else HUIGONG_STAFF_TOKEN (a token made for the script's account
 * in the console or by `npm run staff:add -- … --token NAME`), else, for a local server only, the local
 * dev admin's (localDevAdminToken). Undefined when there is none.
 */
export async function scriptStaffToken(url: string | URL, given?: string): Promise<string | undefined> {
  const token = given ?? process.env.HUIGONG_STAFF_TOKEN;
  if (token || !isLocalUrl(url)) return token;
  return localDevAdminToken(url);
}

/**
 * A dev admin's API token on a local server, remembered per server address (and remade when the server's
 * state was reset): made with the bootstrap secret from .dev.vars, which works only while the server has
 * no admin yet (docs/security.md › Bootstrap). Undefined without the secret; throws, saying what to do,
 * when another admin was made first.
 */
export async function localDevAdminToken(url: string | URL): Promise<string | undefined> {
  const cached = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, string>) : {};
  const origin = new URL(url).origin;
  if (cached[origin] && (await works(url, cached[origin]))) return cached[origin];
  const secret = devVars().STAFF_BOOTSTRAP_SECRET;
  if (!secret) return undefined;
  const username = `dev-admin-${Date.now().toString(36)}`;
  const account = await bootstrapAccount(String(url), secret, { username, role: 'admin', password: generatePassword(), tokenName: 'local scripts' }).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : error}。本地服务器已有管理员：请在控制台为脚本所用的账号创建 API 令牌，用 HUIGONG_STAFF_TOKEN 或 --token 传入`);
  });
  mkdirSync(path.dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify({ ...cached, [origin]: account.token }, null, 2));
  return account.token;
}
