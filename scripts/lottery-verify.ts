import { readFileSync } from 'node:fs';
import { verifyDraw, type PublishedDrawInput } from '../src/cinema/draw-verification.ts';

/**
 * npm run lottery:verify -- <url or file>: checks a lottery's published draw (GET /api/screenings/:id/draw,
 * or that answer saved to a file) from what it publishes alone, and says in Chinese whether it matches.
 * Exit 0 when every check holds, 1 when one does not, 2 when the draw cannot be read.
 */
const source = process.argv[2];
if (!source) {
  console.error('用法：npm run lottery:verify -- <开奖地址或文件>，例如 https://…/api/screenings/2026-12-11-1830/draw');
  process.exit(2);
}

let text: string;
try {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } else {
    text = readFileSync(source, 'utf8');
  }
} catch (error) {
  console.error(`读不到开奖记录 ${source}：${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

let draw: PublishedDrawInput;
try {
  const parsed = JSON.parse(text) as { draw?: PublishedDrawInput } & PublishedDrawInput;
  draw = parsed.draw ?? parsed;
} catch {
  console.error(`${source} 不是开奖记录（不是 JSON）`);
  process.exit(2);
}

const { ok, checks } = await verifyDraw(draw);
console.log(`场次 ${draw.screeningId ?? '（未注明）'}`);
for (const check of checks) console.log(`${check.ok ? '✓' : '✗'} ${check.line}`);
console.log(ok ? '结论：公布的抽签结果可以完全复算，一致。' : '结论：与公布的结果不一致，请把这份记录发给影院工作人员。');
process.exit(ok ? 0 : 1);
