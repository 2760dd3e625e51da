/**
 * npm run staff:add -- --admin NAME | --role door|operator|admin NAME  [--token TOKEN_NAME] [--password-stdin]
 *                      [--url http://localhost:8787 | --remote --env staging|production]
 *
 * Creates a staff account, the first admin included, with no default password: a password is generated
 * and printed once (or read from stdin with --password-stdin); --token also makes an API token for
 * scripts, printed once. It calls POST /api/staff/bootstrap with the bootstrap secret: from .dev.vars
 * for the local `wrangler dev` (npm start), from HUIGONG_STAFF_BOOTSTRAP_SECRET for --remote, where the
 * Worker must have the same STAFF_BOOTSTRAP_SECRET set (docs/security.md › Bootstrap: set it, add the
 * first admin, delete it). Once an admin exists the Worker refuses it (staff_bootstrap_closed): accounts are
 * made in the console instead.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generatePassword } from '../src/cinema/staff-password.ts';
import { staffPasswordSchema, staffRoleSchema, staffUsernameSchema } from '../src/cinema/staff-roles.ts';
import { devVars } from './dev-vars.ts';
import { parseWranglerToml, resolveEnvironment } from './doctor/wrangler-config.ts';
import { bootstrapAccount } from './staff/bootstrap-account.ts';

const USAGE =
  '用法：npm run staff:add -- --admin 用户名 | --role door|operator|admin 用户名 [--token 令牌名] [--password-stdin] [--url 地址 | --remote --env staging|production]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    admin: { type: 'string' },
    role: { type: 'string' },
    token: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    url: { type: 'string' },
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const role = staffRoleSchema.safeParse(values.admin !== undefined ? 'admin' : values.role);
const username = staffUsernameSchema.safeParse(values.admin ?? positionals[0]);
if (!role.success || !username.success) fail(`${USAGE}\n${username.error?.issues[0]?.message ?? ''}`);

let url = values.url ?? 'http://localhost:8787';
let secret: string | undefined;
if (values.remote) {
  if (!values.env) fail('--remote 需要 --env staging 或 --env production');
  const siteUrl = resolveEnvironment(parseWranglerToml(readFileSync('wrangler.toml', 'utf8')), values.env).vars.SITE_URL;
  if (typeof siteUrl !== 'string') fail(`wrangler.toml 的 [env.${values.env}.vars] 没有 SITE_URL`);
  url = values.url ?? siteUrl;
  secret = process.env.HUIGONG_STAFF_BOOTSTRAP_SECRET;
  if (!secret) {
    fail(
      '需要环境变量 HUIGONG_STAFF_BOOTSTRAP_SECRET，且与 Worker 上的 STAFF_BOOTSTRAP_SECRET 相同：\n' +
        `  export HUIGONG_STAFF_BOOTSTRAP_SECRET="$(openssl rand -base64 33)"\n` +
        `  echo "$HUIGONG_STAFF_BOOTSTRAP_SECRET" | npx wrangler secret put STAFF_BOOTSTRAP_SECRET --env ${values.env}\n` +
        `建好第一个管理员后删除它：npx wrangler secret delete STAFF_BOOTSTRAP_SECRET --env ${values.env}`,
    );
  }
} else {
  secret = devVars().STAFF_BOOTSTRAP_SECRET;
  if (!secret) fail('.dev.vars 里没有 STAFF_BOOTSTRAP_SECRET（见 .dev.vars.example）');
}

let password = generatePassword();
if (values['password-stdin']) {
  const typed = staffPasswordSchema.safeParse(readFileSync(0, 'utf8').replace(/\r?\n$/, ''));
  if (!typed.success) fail(typed.error.issues[0]!.message);
  password = typed.data;
}

try {
  const account = await bootstrapAccount(url, secret, { username: username.data, role: role.data, password, ...(values.token ? { tokenName: values.token } : {}) });
  console.log(`已在 ${url} 创建工作人员账号 ${account.username}（${account.role}）。`);
  if (!values['password-stdin']) console.log(`密码（只显示这一次，请记下后交给本人，首次登录后可在控制台重设）：${password}`);
  if (account.token) console.log(`API 令牌“${values.token}”（只显示这一次，脚本用 HUIGONG_STAFF_TOKEN 传入）：${account.token}`);
} catch (error) {
  console.error(`没有创建账号：${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
