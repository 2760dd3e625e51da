/**
 * npm run doctor [-- --env staging] [--remote] [--config wrangler.toml] [--persist-to DIR]
 *
 * The pre-flight check: says what a deploy still lacks, each with the command that fixes it, and exits
 * non-zero while anything does. It reads wrangler.toml, and for local development (no --env) .dev.vars
 * and the local KV's roster; with --remote it also asks Cloudflare (through wrangler, so `wrangler
 * login` or CLOUDFLARE_API_TOKEN) for each environment's secrets (names only) and its roster's size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compatibilityDate as workerdDate } from 'workerd';
import { keyCount, rosterFindings, secretFindings, secretNames } from './doctor/account-findings.ts';
import { configFindings } from './doctor/config-findings.ts';
import { envFlag, formatFindings, type Finding } from './doctor/finding.ts';
import { parseWranglerToml, resolveEnvironment } from './doctor/wrangler-config.ts';
import { parseDevVars } from './dev-vars.ts';

const { values } = parseArgs({
  options: {
    env: { type: 'string' },
    remote: { type: 'boolean', default: false },
    config: { type: 'string', default: 'wrangler.toml' },
    'dev-vars': { type: 'string', default: '.dev.vars' },
    'persist-to': { type: 'string' },
  },
});

const config = parseWranglerToml(readFileSync(values.config, 'utf8'));
const envs = values.env ? [values.env] : Object.keys(config.env);
if (values.env && !config.env[values.env]) {
  console.error(`wrangler.toml 里没有 [env.${values.env}]（有：${Object.keys(config.env).join('、') || '无'}）`);
  process.exit(2);
}
// The secrets the Worker needs are the ones .dev.vars.example gives local development, but for the staff
// bootstrap secret: a deployed Worker has it only while its first admin is made (docs/security.md).
const required = Object.keys(parseDevVars(readFileSync('.dev.vars.example', 'utf8'))).filter((name) => name !== 'STAFF_BOOTSTRAP_SECRET');
const today = new Date().toISOString().slice(0, 10);

const findings: Finding[] = configFindings(config, { envs, workerdDate, today });
// Local development (secrets in .dev.vars, the roster in the local KV) unless one environment is asked for.
if (!values.env) {
  const devVarsText = existsSync(values['dev-vars']) ? readFileSync(values['dev-vars'], 'utf8') : '';
  findings.push(...secretFindings(required, Object.keys(parseDevVars(devVarsText)), undefined));
  const local = wrangler(['kv', 'key', 'list', '--binding', 'SEATS', '--local', '--prefix', 'member:', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])]);
  findings.push(...(local.ok ? rosterFindings(keyCount(local.stdout), undefined) : [unreachable(undefined, 'wrangler kv key list --local', local.stderr)]));
}

if (values.remote) {
  for (const env of envs) {
    const secrets = wrangler(['secret', 'list', '--format', 'json', ...envArgs(env)]);
    findings.push(...(secrets.ok ? secretFindings(required, secretNames(secrets.stdout), env) : [unreachable(env, 'wrangler secret list', secrets.stderr)]));
    // A placeholder KV id has its own finding already; listing it would only fail.
    const seats = resolveEnvironment(config, env).kvNamespaces.find((kv) => kv.binding === 'SEATS');
    if (!seats?.id || !/^[0-9a-f]{32}$/.test(seats.id)) continue;
    const roster = wrangler(['kv', 'key', 'list', '--binding', 'SEATS', '--remote', '--prefix', 'member:', ...envArgs(env)]);
    findings.push(...(roster.ok ? rosterFindings(keyCount(roster.stdout), env) : [unreachable(env, 'wrangler kv key list --remote', roster.stderr)]));
  }
}

console.log(formatFindings(findings));
const problems = findings.filter((f) => !f.ok).length;
console.log(problems === 0 ? '\n可以部署。' : `\n还有 ${problems} 项要处理。${values.remote ? '' : '加 --remote 还会检查 Cloudflare 账户里的密钥和会员名单。'}`);
process.exit(problems === 0 ? 0 : 1);

function envArgs(env: string): string[] {
  return ['--config', values.config, ...envFlag(env).trim().split(' ')];
}

function wrangler(args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['wrangler', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

function unreachable(env: string | undefined, command: string, stderr: string): Finding {
  // wrangler colours its errors even with FORCE_COLOR=0.
  const reason = stderr.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n').find((line) => line.trim()) ?? '';
  return { ok: false, env, message: `${command} 失败：${reason}`, fix: 'npx wrangler login（CI 里设 CLOUDFLARE_API_TOKEN 与 CLOUDFLARE_ACCOUNT_ID）' };
}
