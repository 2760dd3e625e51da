/**
 * npm run members:import -- roster.csv [--remote [--env staging|production]] [--persist-to DIR]
 *
 * Loads the union roster into the KV seat store: local (wrangler dev's state) by default, a deployed
 * Worker with --remote (then MEMBER_HASH_KEY must be set in the environment to that Worker's secret;
 * --env picks the wrangler.toml environment). Only keyed hashes are stored: no phone number, no name.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { devVars } from './dev-vars.ts';
import { rosterEntries } from './roster.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: 'boolean', default: false }, env: { type: 'string' }, 'persist-to': { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  console.error('用法：npm run members:import -- roster.csv [--remote [--env staging|production]] [--persist-to 目录]');
  process.exit(2);
}

const hashKey = values.remote ? process.env.MEMBER_HASH_KEY : devVars().MEMBER_HASH_KEY;
if (!hashKey) {
  console.error('导入正式环境（--remote）需要环境变量 MEMBER_HASH_KEY，且与 Worker 的同名 secret 一致');
  process.exit(2);
}

const { entries, problems } = await rosterEntries(readFileSync(file, 'utf8'), hashKey);
if (problems.length > 0) {
  for (const problem of problems) console.error(`${file}:${problem.line}: ${problem.message}`);
  console.error(`名单有 ${problems.length} 处错误，未导入任何会员`);
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'huigong-roster-'));
const bulk = path.join(dir, 'roster.json');
writeFileSync(bulk, JSON.stringify(entries));
const args = ['wrangler', 'kv', 'bulk', 'put', bulk, '--binding', 'SEATS', values.remote ? '--remote' : '--local'];
if (values['persist-to']) args.push('--persist-to', values['persist-to']);
if (values.env) args.push('--env', values.env);
const result = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(dir, { recursive: true, force: true });
if (result.status !== 0) process.exit(result.status ?? 1);
console.log(`已导入 ${entries.length} 名会员（${values.remote ? (values.env ?? '正式环境') : '本地'}）；只保存了会员号与手机号后四位的加密散列`);
