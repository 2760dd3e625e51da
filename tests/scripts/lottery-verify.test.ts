import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawOrder, walkDraw, type LotteryEntry } from '../../src/cinema/lottery-draw';
import { seedCommitment } from '../../src/cinema/noon-queue';
import { run } from '../helpers/run';

const dir = mkdtempSync(path.join(tmpdir(), 'lottery-verify-'));
const seed = 'c3'.repeat(32);
const entries: LotteryEntry[] = Array.from({ length: 8 }, (_, i) => ({ entrant: `${i}`.repeat(16), weight: 1 + (i % 2), seats: 1 }));

/** GET …/draw's answer, saved to a file as a member would. */
async function savedDraw(name: string, change: (draw: Record<string, unknown>) => Record<string, unknown> = (draw) => draw): Promise<string> {
  const order = await drawOrder(seed, entries);
  const draw = {
    screeningId: '2026-12-11-1830',
    drawAt: '2026-12-08T00:00:00.000Z',
    state: 'drawn',
    commitment: await seedCommitment(seed),
    seed,
    seatsOffered: 3,
    entries,
    order: order.map((entry) => entry.entrant),
    winners: walkDraw(order, 3).winners,
    passedOver: [],
    method: '…',
  };
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ draw: change(draw) }));
  return file;
}

const verify = (source: string) => run('node', ['scripts/lottery-verify.ts', source]);

describe('npm run lottery:verify', () => {
  it('says in Chinese that a published draw recomputes, and exits 0', async () => {
    const { status, output } = verify(await savedDraw('honest.json'));
    expect(output).toContain('✓ 种子与报名开始时公布的承诺值一致');
    expect(output).toContain('✓ 抽签顺序一致（8 份报名）');
    expect(output).toContain('✓ 中签名单一致（3 个座位，3 份报名中签）');
    expect(output).toContain('结论：公布的抽签结果可以完全复算，一致。');
    expect(status).toBe(0);
  });

  it('says which check fails for a tampered draw, and exits 1', async () => {
    const { status, output } = verify(await savedDraw('tampered.json', (draw) => ({ ...draw, winners: (draw.order as string[]).slice(-3) })));
    expect(output).toContain('✗ 中签名单不一致');
    expect(output).toContain('结论：与公布的结果不一致');
    expect(status).toBe(1);
  });

  it('exits 2 for what is not a draw', () => {
    const file = path.join(dir, 'not-json.txt');
    writeFileSync(file, 'hello');
    const { status, output } = verify(file);
    expect(output).toContain('不是开奖记录');
    expect(status).toBe(2);
  });

  it('exits 2, in Chinese and without a stack trace, for JSON shaped unlike a draw', async () => {
    const shapes: ((draw: Record<string, unknown>) => Record<string, unknown>)[] = [
      (draw) => ({ ...draw, order: {} }),
      (draw) => ({ ...draw, passedOver: 5 }),
      (draw) => ({ ...draw, entries: 'everyone' }),
      (draw) => ({ ...draw, seed: 42 }),
    ];
    for (const [i, shape] of shapes.entries()) {
      const { status, output } = verify(await savedDraw(`shape-${i}.json`, shape));
      expect(output).toContain('不是开奖记录');
      expect(output).not.toMatch(/TypeError|    at /);
      expect(status).toBe(2);
    }
  });
});
