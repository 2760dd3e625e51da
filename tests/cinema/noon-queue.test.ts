import { describe, expect, it } from 'vitest';
import { allocateInOrder, noonQueueOpensAt, noonQueueState, seedCommitment, shuffledOrder } from '../../src/cinema/noon-queue';
import { CINEMA_RULES } from '../../src/cinema/rules';
import { hallSeats } from '../../src/cinema/seat-map';
import type { Hall } from '../../src/cinema/hall-schema';

const MINUTE = 60_000;
const hall = (rows: number, perRow: number): Hall => ({
  name: '测试厅',
  venue: '测试影院',
  rows: Array.from({ length: rows }, (_, i) => ({ row: i + 1, seats: perRow, aisleAfter: [], accessible: [], blocked: [] })),
});
/** A fixed, well-spread seed per index, so the statistics below are the same on every run. */
const seedFor = async (i: number) => (await seedCommitment(i.toString(16).padStart(64, '0'))).slice(0, 64);

describe('the noon queue window', () => {
  const release = Date.parse('2026-12-07T04:00:00Z');
  it(`opens ${CINEMA_RULES.noonQueueOpensMinutes} minutes before the release and closes at it`, () => {
    expect(noonQueueOpensAt(release)).toBe(release - 5 * MINUTE);
    expect(noonQueueState(release - 5 * MINUTE - 1, release)).toBe('not_open');
    expect(noonQueueState(release - 5 * MINUTE, release)).toBe('open');
    expect(noonQueueState(release - 1, release)).toBe('open');
    expect(noonQueueState(release, release)).toBe('released');
  });
});

describe('the shuffle', () => {
  const members = Array.from({ length: 20 }, (_, i) => `m${i}`);

  it('is determined by the seed: the same seed gives the same order, another seed another', async () => {
    const seed = await seedFor(1);
    expect(await shuffledOrder(members, seed)).toEqual(await shuffledOrder(members, seed));
    expect(await shuffledOrder(members, await seedFor(2))).not.toEqual(await shuffledOrder(members, seed));
    expect([...(await shuffledOrder(members, seed))].sort()).toEqual([...members].sort());
  });

  it('is published as SHA-256 of the seed bytes (the commitment anyone can check)', async () => {
    // SHA-256 of 32 zero bytes.
    expect(await seedCommitment('0'.repeat(64))).toBe('66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
  });

  it('is uniform over 2,000 queues of 20, and where one arrived says nothing of where one ends (chi-square)', async () => {
    const queues = 2_000;
    const n = 20;
    // counts[arrival][final place]
    const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let sumXY = 0;
    for (let q = 0; q < queues; q++) {
      const order = await shuffledOrder(members, await seedFor(q));
      order.forEach((member, place) => {
        const arrival = Number(member.slice(1));
        counts[arrival]![place]!++;
        sumXY += arrival * place;
      });
    }
    const expected = queues / n;
    const chiSquare = counts.flat().reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // (n-1)^2 = 361 degrees of freedom; the 0.1% critical value is about 444. Seeds are fixed, so this never flakes.
    expect(chiSquare).toBeLessThan(444);
    // Pearson correlation of arrival and final place over all 40,000 pairs: ~N(0, 0.005) if unrelated.
    const mean = (n - 1) / 2;
    const variance = (n * n - 1) / 12;
    const correlation = (sumXY / (queues * n) - mean * mean) / variance;
    expect(Math.abs(correlation)).toBeLessThan(0.02);
  });
});

describe('allocation in shuffled order', () => {
  const seats = hallSeats(hall(2, 3));

  it('gives each their preferred seat while it is free, else the best available, and no seat once full', () => {
    const allocation = allocateInOrder(
      [
        { memberId: 'a', preferredSeat: '1-1' },
        { memberId: 'b', preferredSeat: '1-1' },
        { memberId: 'c' },
        { memberId: 'd', preferredSeat: '9-9' },
        { memberId: 'e' },
        { memberId: 'f' },
        { memberId: 'g', preferredSeat: '1-3' },
      ],
      { seats, bestRow: 2, taken: new Set(['1-3']) },
    );
    expect(allocation).toEqual([
      { memberId: 'a', seat: '1-1' },
      { memberId: 'b', seat: '2-2' },
      { memberId: 'c', seat: '2-1' },
      { memberId: 'd', seat: '2-3' },
      { memberId: 'e', seat: '1-2' },
      { memberId: 'f', seat: undefined },
      { memberId: 'g', seat: undefined },
    ]);
  });
});
