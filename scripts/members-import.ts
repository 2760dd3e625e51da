/**
 * npm run members:import -- roster.csv [--prune] [--remote [--env staging|production]] [--persist-to DIR]
 *
 * Loads the union roster into the KV seat store: local (wrangler dev's state) by default, a deployed
 * Worker with --remote (then MEMBER_HASH_KEY must be set in the environment to that Worker's secret;
 * --env picks the wrangler.toml environment). Only keyed hashes are stored: no phone number, no name.
 * --prune makes the file the whole roster: members in KV but not in the file are deleted (they can no
 * longer sign in, and their sessions stop working). Without it the file adds and updates members only.
 * The file may be UTF-8 (with or without a BOM) or GBK, as Excel saves it; every bad row is reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { devVars } from './dev-vars.ts';
import { kvKey } from '../functions/seat-store.ts';
import { rosterText } from '../src/cinema/roster-text.ts';
import { rosterEntries, rosterKeysToRemove } from './roster.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
    'persist-to': { type: 'string' },
    prune: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error('用法：npm run members:import -- roster.csv [--prune] [--remote [--env staging|production]] [--persist-to 目录]');
  process.exit(2);
}

const hashKey = values.remote ? process.env.MEMBER_HASH_KEY : devVars().MEMBER_HASH_KEY;
if (!hashKey) {
  console.error('导入正式环境（--remote）需要环境变量 MEMBER_HASH_KEY，且与 Worker 的同名 secret 一致');
  process.exit(2);
}

const { entries, problems } = await rosterEntries(rosterText(readFileSync(file)).text, hashKey);
if (problems.length > 0) {
  for (const problem of problems) console.error(`${file}:${problem.line}: ${problem.message}`);
  console.error(`名单有 ${problems.length} 处错误，未导入任何会员`);
  process.exit(1);
}

const where = [values.remote ? '--remote' : '--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : []), ...(values.env ? ['--env', values.env] : [])];
const wrangler = (args: string[], stdout: 'pipe' | 'ignore' = 'ignore') => {
  const result = spawnSync('npx', ['wrangler', 'kv', ...args, '--binding', 'SEATS', ...where], { stdio: ['ignore', stdout, 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout;
};
const dir = mkdtempSync(path.join(tmpdir(), 'huigong-roster-'));
const bulk = path.join(dir, 'roster.json');
writeFileSync(bulk, JSON.stringify(entries));
wrangler(['bulk', 'put', bulk]);
let removed = 0;
if (values.prune) {
  const existing = (JSON.parse(wrangler(['key', 'list', '--prefix', kvKey.roster('')], 'pipe')) as { name: string }[]).map((key) => key.name);
  const stale = rosterKeysToRemove(existing, entries);
  if (stale.length > 0) {
    const doomed = path.join(dir, 'removed.json');
    writeFileSync(doomed, JSON.stringify(stale));
    wrangler(['bulk', 'delete', doomed, '--force']);
  }
  removed = stale.length;
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `已导入 ${entries.length} 名会员${values.prune ? `，删除名单外的 ${removed} 名` : ''}（${values.remote ? (values.env ?? '正式环境') : '本地'}）；只保存了会员号与手机号后四位的加密散列`,
);
