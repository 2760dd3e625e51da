import { describe, expect, it } from 'vitest';
import { verifyDraw, type PublishedDrawInput } from '../../src/cinema/draw-verification';
import { drawOrder, walkDraw, type LotteryEntry } from '../../src/cinema/lottery-draw';
import { seedCommitment } from '../../src/cinema/noon-queue';

const seed = 'a1'.repeat(32);
const entries: LotteryEntry[] = Array.from({ length: 12 }, (_, i) => ({
  entrant: (i * 7919).toString(16).padStart(16, '0'),
  weight: 1 + (i % 4),
  seats: (i % 3 === 0 ? 2 : 1) as 1 | 2,
}));

/** A draw as the object publishes it, with the given pairs passed over for want of two seats together. */
async function published(seatsOffered: number, passedOver: (order: LotteryEntry[]) => string[] = () => []): Promise<PublishedDrawInput> {
  const order = await drawOrder(seed, entries);
  const skipped = new Set(passedOver(order));
  const walk = walkDraw(order, seatsOffered, (entry) => !skipped.has(entry.entrant));
  return {
    screeningId: 'verify',
    state: 'drawn',
    commitment: await seedCommitment(seed),
    seed,
    seatsOffered,
    entries,
    order: order.map((entry) => entry.entrant),
    winners: walk.winners,
    passedOver: walk.passedOver,
  };
}

describe('verifyDraw', () => {
  it('confirms a draw recomputed from its seed, entries and seats', async () => {
    const result = await verifyDraw(await published(6));
    expect(result.ok).toBe(true);
    expect(result.checks.map((check) => check.line).join('\n')).toMatch(/承诺值一致[\s\S]*抽签顺序一致[\s\S]*中签名单一致/);
  });

  it('accepts a pair passed over when the hall had no two seats together', async () => {
    const draw = await published(6, (order) => [order.find((entry) => entry.seats === 2)!.entrant]);
    expect(draw.passedOver).toHaveLength(1);
    expect((await verifyDraw(draw)).ok).toBe(true);
  });

  it('finds a seed that is not the committed one, a changed entry list, changed winners, a single passed over', async () => {
    const honest = await published(6);
    expect((await verifyDraw({ ...honest, seed: 'b2'.repeat(32) })).ok).toBe(false);
    const reweighted = honest.entries!.map((entry, i) => (i === 0 ? { ...entry, weight: entry.weight === 4 ? 1 : 4 } : entry));
    const orderCheck = (await verifyDraw({ ...honest, entries: reweighted })).checks.find((check) => check.line.startsWith('抽签顺序'));
    expect(orderCheck?.ok).toBe(false);
    const loser = honest.order!.find((entrant) => !honest.winners!.includes(entrant))!;
    expect((await verifyDraw({ ...honest, winners: [...honest.winners!.slice(1), loser] })).ok).toBe(false);
    const single = honest.order!.find((entrant) => honest.entries!.find((entry) => entry.entrant === entrant)!.seats === 1)!;
    const favoured = await published(6, () => [single]);
    expect((await verifyDraw(favoured)).ok).toBe(false);
  });

  it('finds a draw computed consistently from entries the rules do not allow: a weight above the cap, a seat count other than 1 or 2', async () => {
    const consistent = async (forged: LotteryEntry[], seatsOffered: number): Promise<PublishedDrawInput> => {
      const order = await drawOrder(seed, forged);
      return {
        state: 'drawn',
        commitment: await seedCommitment(seed),
        seed,
        seatsOffered,
        entries: forged,
        order: order.map((entry) => entry.entrant),
        winners: walkDraw(order, seatsOffered).winners,
        passedOver: [],
      };
    };
    // A friend given weight 1,000 (the rules cap it at 4): everything else recomputes.
    const favoured = await verifyDraw(await consistent(entries.map((entry, i) => (i === 0 ? { ...entry, weight: 1000 } : entry)), 6));
    expect(favoured.ok).toBe(false);
    expect(favoured.checks.map((check) => check.line).join('\n')).toContain('权重');
    // Seats 0 win without taking a seat; negative seats make seats.
    for (const seats of [0, -3, 1.5]) {
      const forged = entries.map((entry, i) => (i === 1 ? { ...entry, seats: seats as 1 } : entry));
      expect((await verifyDraw(await consistent(forged, 6))).ok).toBe(false);
    }
  });

  it('walks the seats without the entrants excluded (suspended at the draw), and refuses an excluded entrant who never entered', async () => {
    const order = await drawOrder(seed, entries);
    const excluded = [order[0]!.entrant];
    const walk = walkDraw(order.slice(1), 6);
    const draw = { ...(await published(6)), excluded, winners: walk.winners, passedOver: walk.passedOver };
    const result = await verifyDraw(draw);
    expect(result.ok).toBe(true);
    expect(result.checks.map((check) => check.line).join('\n')).toMatch(/1 份报名因报名人开奖时被暂停领票/);
    // The same winners without the exclusion published do not verify: the first in the order would have won.
    expect((await verifyDraw({ ...draw, excluded: [] })).ok).toBe(false);
    expect((await verifyDraw({ ...draw, excluded: [...excluded, 'ffffffffffffffff'] })).ok).toBe(false);
  });

  it('says a draw not yet made cannot be checked', async () => {
    const result = await verifyDraw({ state: 'open', commitment: await seedCommitment(seed) });
    expect(result).toEqual({ ok: false, checks: [{ ok: false, line: expect.stringContaining('还没有开奖') }] });
  });
});
