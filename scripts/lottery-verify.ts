import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { verifyDraw, type PublishedDrawInput } from '../src/cinema/draw-verification.ts';

/**
 * npm run lottery:verify -- <url or file>: checks a lottery's published draw (GET /api/screenings/:id/draw,
 * or that answer saved to a file) from what it publishes alone, and says in Chinese whether it matches.
 * Exit 0 when every check holds, 1 when one does not, 2 when the draw cannot be read.
 */
/** The fields the check reads, typed: a hostile file of another shape is not a draw (exit 2), not a crash. */
const publishedDrawSchema = z.object({
  screeningId: z.string().optional(),
  state: z.string().optional(),
  commitment: z.string().optional(),
  seed: z.string().optional(),
  seatsOffered: z.number().optional(),
  // Weights and seats as any number: verifyDraw names the ones the rules do not allow.
  entries: z.array(z.object({ entrant: z.string(), weight: z.number(), seats: z.number() })).optional(),
  order: z.array(z.string()).optional(),
  winners: z.array(z.string()).optional(),
  passedOver: z.array(z.string()).optional(),
  excluded: z.array(z.string()).optional(),
});

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

let parsed: unknown;
try {
  parsed = JSON.parse(text);
} catch {
  console.error(`${source} 不是开奖记录（不是 JSON）`);
  process.exit(2);
}
const shaped = publishedDrawSchema.safeParse(parsed !== null && typeof parsed === 'object' && 'draw' in parsed ? parsed.draw : parsed);
if (!shaped.success) {
  console.error(`${source} 不是开奖记录（${shaped.error.issues[0]?.path.join('.') || '整体'} 的格式不对）`);
  process.exit(2);
}
const draw = shaped.data as PublishedDrawInput;

const { ok, checks } = await verifyDraw(draw);
console.log(`场次 ${draw.screeningId ?? '（未注明）'}`);
for (const check of checks) console.log(`${check.ok ? '✓' : '✗'} ${check.line}`);
console.log(ok ? '结论：公布的抽签结果可以完全复算，一致。' : '结论：与公布的结果不一致，请把这份记录发给影院工作人员。');
process.exit(ok ? 0 : 1);
