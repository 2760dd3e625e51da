/**
 * npm run staff:purge -- [--url https://…] [--token …] [--older-than-days 30]
 *
 * The retention rule (docs/security.md): deletes tickets, waitlists and their KV records for every
 * screening that ended more than N days ago (default 30). Program totals are kept. Purging needs an
 * admin's API token: --token or HUIGONG_STAFF_TOKEN; for a local server a dev admin's is made
 * (scripts/staff/script-token.ts).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Catalogue } from '../src/cinema/catalogue.ts';
import { scriptStaffToken } from './staff/script-token.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:8787' },
    token: { type: 'string' },
    'older-than-days': { type: 'string', default: '30' },
  },
});
const token = await scriptStaffToken(values.url, values.token);
if (!token) {
  console.error('需要管理员的 API 令牌：--token 或环境变量 HUIGONG_STAFF_TOKEN（在控制台为自己的账号创建）');
  process.exit(2);
}
const cutoff = Date.now() - Number(values['older-than-days']) * 86_400_000;
const catalogue = JSON.parse(readFileSync('functions/generated/catalogue.json', 'utf8')) as Catalogue;
const due = catalogue.screenings.filter((s) => Date.parse(s.startsAt) + s.film.runtimeMinutes * 60_000 < cutoff);

let failed = 0;
for (const screening of due) {
  const response = await fetch(`${values.url}/api/staff/screenings/${screening.id}/purge`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { purgedTickets?: number; error?: { message: string } };
  if (response.ok) console.log(`${screening.id}: 已清除 ${body.purgedTickets} 张票的记录`);
  else {
    failed++;
    console.error(`${screening.id}: ${body.error?.message ?? response.status}`);
  }
}
console.log(`${due.length} 场超过保留期，${due.length - failed} 场已清除`);
process.exit(failed > 0 ? 1 : 0);
