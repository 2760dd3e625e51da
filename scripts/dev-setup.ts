/**
 * Prepares `npm start`: local secrets in .dev.vars, and the demo roster (DEMO00001…DEMO05000, phone
 * ending in the same four digits as the number) in wrangler dev's local KV. Tests and benchmarks pass
 * --persist-to for their own state folder and --members for how many demo members they need.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { devVars } from './dev-vars.ts';
import { demoRosterCsv } from './roster.ts';

const { values } = parseArgs({ options: { 'persist-to': { type: 'string' }, members: { type: 'string', default: '5000' } } });
const DEMO_MEMBERS = Number(values.members);
const state = values['persist-to'] ?? '.wrangler/state';
if (DEMO_MEMBERS === 0) process.exit(devVars() ? 0 : 1);
// Importing 5,000 members into local KV takes ~20 s: do it once per state folder and hash key.
const marker = path.join(state, 'huigong-demo-roster');
const fingerprint = `${DEMO_MEMBERS}:${devVars().MEMBER_HASH_KEY}`;
if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) {
  console.log(`演示会员已在本地 KV 中（${DEMO_MEMBERS} 名）`);
  process.exit(0);
}
const dir = mkdtempSync(path.join(tmpdir(), 'huigong-demo-'));
const csv = path.join(dir, 'demo-roster.csv');
writeFileSync(csv, demoRosterCsv(DEMO_MEMBERS));
const args = ['scripts/members-import.ts', csv, ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(state, { recursive: true });
writeFileSync(marker, fingerprint);
console.log(`演示会员：会员号 DEMO00001 至 DEMO${String(DEMO_MEMBERS).padStart(5, '0')}，手机号后四位为会员号末四位（如 DEMO00001 → 0001）`);
