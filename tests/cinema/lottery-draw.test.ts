import { describe, expect, it } from 'vitest';
import { drawOrder, lotteryEntrant, walkDraw, type LotteryEntry } from '../../src/cinema/lottery-draw';
import { seedCommitment } from '../../src/cinema/noon-queue';

/** A fixed, well-spread seed per index, so the statistics below are the same on every run. */
const seedFor = async (i: number) => seedCommitment(i.toString(16).padStart(64, '0'));
const entries = (n: number, over: Partial<LotteryEntry> = {}): LotteryEntry[] =>
  Array.from({ length: n }, (_, i) => ({ entrant: i.toString(16).padStart(16, '0'), weight: 1, seats: 1 as const, ...over }));
const names = (order: readonly LotteryEntry[]) => order.map((entry) => entry.entrant);

describe('lotteryEntrant', () => {
  it('is 16 hex digits of SHA-256(lottery:screening:member), different per screening', async () => {
    const entrant = await lotteryEntrant('2026-12-11-1830', 'member-a');
    expect(entrant).toMatch(/^[0-9a-f]{16}$/);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('lottery:2026-12-11-1830:member-a')));
    expect(entrant).toBe(Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(await lotteryEntrant('2026-12-09-1830', 'member-a')).not.toBe(entrant);
  });
});

describe('drawOrder', () => {
  const list = entries(30);

  it('is determined by seed and entries: the same twice, whatever order the entries are listed in', async () => {
    const seed = await seedFor(1);
    const first = names(await drawOrder(seed, list));
    expect(names(await drawOrder(seed, list))).toEqual(first);
    expect(names(await drawOrder(seed, [...list].reverse()))).toEqual(first);
    expect([...first].sort()).toEqual(names(list));
  });

  it('gives another order for another seed, for each of 200 seeds', async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 200; i++) orders.add(names(await drawOrder(await seedFor(i), list)).join());
    expect(orders.size).toBe(200);
  });

  it('gives another result when the entry list changes (an entrant added, or a weight changed)', async () => {
    let changedByEntrant = 0;
    let changedByWeight = 0;
    for (let i = 0; i < 100; i++) {
      const seed = await seedFor(i);
      const before = names(await drawOrder(seed, list)).slice(0, 5).join();
      const added = [...list, { entrant: 'ffffffffffffffff', weight: 4, seats: 1 as const }];
      if (names(await drawOrder(seed, added)).slice(0, 5).join() !== before) changedByEntrant++;
      const reweighted = list.map((entry, j) => (j === i % list.length ? { ...entry, weight: 4 } : entry));
      if (names(await drawOrder(seed, reweighted)).join() !== names(await drawOrder(seed, list)).join()) changedByWeight++;
    }
    // A weight-4 newcomer lands among the first five of 31 most of the time; a raised weight nearly always moves its entry.
    expect(changedByEntrant).toBeGreaterThan(30);
    expect(changedByWeight).toBeGreaterThan(80);
  });

  it('refuses an entrant listed twice and a weight that is not a whole number ≥ 1', async () => {
    const seed = await seedFor(0);
    await expect(drawOrder(seed, [...list, list[0]!])).rejects.toThrow('twice');
    await expect(drawOrder(seed, entries(2, { weight: 1.5 }))).rejects.toThrow('weight');
    await expect(drawOrder(seed, entries(2, { weight: 0 }))).rejects.toThrow('weight');
  });

  it('weights behave: over 10,000 draws for one seat, a weight-4 entry wins 3.5–4.5× as often as a weight-1 entry', async () => {
    const heavy = entries(4, { weight: 4 }).map((entry) => ({ ...entry, entrant: `4${entry.entrant.slice(1)}` }));
    const light = entries(16);
    const wins = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const order = await drawOrder(await seedFor(i), [...heavy, ...light]);
      for (const winner of walkDraw(order, 1).winners) wins.set(winner, (wins.get(winner) ?? 0) + 1);
    }
    const mean = (group: LotteryEntry[]) => group.reduce((sum, entry) => sum + (wins.get(entry.entrant) ?? 0), 0) / group.length;
    const ratio = mean(heavy) / mean(light);
    expect(ratio).toBeGreaterThanOrEqual(3.5);
    expect(ratio).toBeLessThanOrEqual(4.5);
  });
});

describe('walkDraw', () => {
  const single = (entrant: string): LotteryEntry => ({ entrant, weight: 1, seats: 1 });
  const pair = (entrant: string): LotteryEntry => ({ entrant, weight: 1, seats: 2 });

  it('gives seats in draw order until none are left', () => {
    expect(walkDraw([single('a'), single('b'), single('c')], 2)).toEqual({ winners: ['a', 'b'], passedOver: [] });
  });

  it('passes over a pair when one seat is left, and the next single wins it; a pair wins two seats or none', () => {
    expect(walkDraw([single('a'), pair('b'), single('c')], 2)).toEqual({ winners: ['a', 'c'], passedOver: [] });
    expect(walkDraw([pair('a'), single('b')], 2)).toEqual({ winners: ['a'], passedOver: [] });
  });

  it('passes over an entry its seating cannot place, and lists it', () => {
    expect(walkDraw([pair('a'), single('b')], 3, (entry) => entry.seats === 1)).toEqual({ winners: ['b'], passedOver: ['a'] });
  });

  it('never splits a pair, over many draws with scarce seats', async () => {
    const mixed = entries(20).map((entry, i) => ({ ...entry, seats: (i % 3 === 0 ? 2 : 1) as 1 | 2 }));
    for (let i = 0; i < 300; i++) {
      const order = await drawOrder(await seedFor(i), mixed);
      const { winners } = walkDraw(order, 7);
      const seatsWon = winners.reduce((sum, entrant) => sum + mixed.find((entry) => entry.entrant === entrant)!.seats, 0);
      expect(seatsWon).toBeLessThanOrEqual(7);
      // Whoever is passed over could not fit: every loser drawn before the last winner needed more than was left.
      let left = 7;
      for (const entry of order) {
        if (winners.includes(entry.entrant)) left -= entry.seats;
        else expect(entry.seats).toBeGreaterThan(left);
      }
    }
  });
});
