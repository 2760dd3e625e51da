import { envFlag, type Finding } from './finding.ts';

/**
 * Secrets the Worker needs that are not set, by name only (wrangler never shows values). Locally the
 * names present are the keys of .dev.vars; remotely, `wrangler secret list --env …`.
 */
export function secretFindings(required: string[], present: string[], env: string | undefined): Finding[] {
  const missing = required.filter((name) => !present.includes(name));
  if (missing.length === 0) return [{ ok: true, env, message: `密钥都已设置：${required.join('、')}` }];
  return missing.map((name) => ({
    ok: false,
    env,
    message: `密钥 ${name} 没有设置`,
    fix: env === undefined ? `npm start（会从 .dev.vars.example 生成 .dev.vars），或在 .dev.vars 里加 ${name}="…"` : `npx wrangler secret put ${name}${envFlag(env)}`,
  }));
}

/** The roster: members can sign in only once it is imported. A count, never the data. */
export function rosterFindings(members: number, env: string | undefined): Finding[] {
  if (members > 0) return [{ ok: true, env, message: `会员名单已导入：${members.toLocaleString('en-US')} 名` }];
  return [
    {
      ok: false,
      env,
      message: '会员名单是空的，会员无法登录',
      fix:
        env === undefined
          ? 'npm start（导入演示会员），或 npm run members:import -- roster.csv'
          : `MEMBER_HASH_KEY=… npm run members:import -- roster.csv --remote${envFlag(env)}`,
    },
  ];
}

/** The names in `wrangler secret list --format json` (`[{ "name": …, "type": "secret_text" }]`). */
export function secretNames(stdout: string): string[] {
  return (JSON.parse(stdout) as { name: string }[]).map((secret) => secret.name);
}

/** How many keys `wrangler kv key list` printed (a JSON array of `{ name }`). */
export function keyCount(stdout: string): number {
  return (JSON.parse(stdout) as unknown[]).length;
}
