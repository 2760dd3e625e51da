/**
 * npm run staff:export -- [--url https://…] [--token …] [--out dir]
 *
 * The archive copy: for every screening in the catalogue, GET /api/staff/screenings/:id/export.json
 * and writes <id>.json (tickets, check-ins, the waitlist, with members' keyed ids), <id>.tickets.csv
 * and <id>.waitlist.csv (no member ids) into --out (default exports/<UTC date and time>). The
 * catalogue is functions/generated/catalogue.json: build it from the deployed commit first
 * (`npm run build`). The staff API token (an operator's or admin's) comes from --token or HUIGONG_STAFF_TOKEN;
 * for a local server a dev admin's is made (scripts/staff/script-token.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Catalogue } from '../src/cinema/catalogue.ts';
import { exportFiles, type ScreeningExport } from './backup/export-files.ts';
import { scriptStaffToken } from './staff/script-token.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:8787' },
    token: { type: 'string' },
    out: { type: 'string', default: `exports/${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}` },
  },
});
const token = await scriptStaffToken(values.url, values.token);
if (!token) {
  console.error('需要工作人员 API 令牌：--token 或环境变量 HUIGONG_STAFF_TOKEN（在控制台为自己的账号创建）');
  process.exit(2);
}
const catalogue = JSON.parse(readFileSync('functions/generated/catalogue.json', 'utf8')) as Catalogue;
mkdirSync(values.out, { recursive: true });

let failed = 0;
let skipped = 0;
for (const screening of catalogue.screenings) {
  const response = await fetch(`${values.url}/api/staff/screenings/${screening.id}/export.json`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as ScreeningExport & { error?: { code: string; message: string } };
  if (body.error?.code === 'unknown_screening') {
    // In the local catalogue but not in the deployed one: nothing to export there.
    skipped++;
    console.warn(`${screening.id}: 线上没有这一场，跳过`);
    continue;
  }
  if (!response.ok) {
    failed++;
    console.error(`${screening.id}: ${body.error?.message ?? response.status}`);
    continue;
  }
  for (const file of exportFiles(body)) writeFileSync(path.join(values.out, file.name), file.text);
  const active = body.tickets.filter((ticket) => ticket.status === 'active');
  const checkedIn = active.filter((ticket) => ticket.checkedInAt).length;
  console.log(`${screening.id}: ${active.length} 张有效票（已入场 ${checkedIn}），${body.waitlist.length} 人候补`);
}
const exported = catalogue.screenings.length - failed - skipped;
console.log(`已导出 ${exported} 场到 ${values.out}/${skipped ? `，跳过 ${skipped} 场` : ''}${failed ? `，${failed} 场失败` : ''}`);
process.exit(failed > 0 ? 1 : 0);
