import { describe, expect, it } from 'vitest';
import type { Hall } from '../../src/cinema/hall-schema';
import type { LotteryEntry } from '../../src/cinema/lottery-draw';
import { pairSeats, seatDraw } from '../../src/cinema/lottery-seating';
import { hallSeats } from '../../src/cinema/seat-map';

const hall = (rows: number, perRow: number, over: Partial<Hall['rows'][number]> = {}): Hall => ({
  name: '测试厅',
  venue: '测试影院',
  rows: Array.from({ length: rows }, (_, i) => ({ row: i + 1, seats: perRow, aisleAfter: [], accessible: [], blocked: [], ...over })),
});
const ids = (pair: { id: string }[] | undefined) => pair?.map((seat) => seat.id);
const single = (entrant: string): LotteryEntry => ({ entrant, weight: 1, seats: 1 });
const pair = (entrant: string): LotteryEntry => ({ entrant, weight: 1, seats: 2 });

describe('pairSeats', () => {
  it('takes the best two side by side in the best row', () => {
    expect(ids(pairSeats(hallSeats(hall(3, 4)), new Set(), 2))).toEqual(['2-2', '2-3']);
  });

  it('never puts an aisle between the two', () => {
    const seats = hallSeats(hall(1, 4, { aisleAfter: [2] }));
    expect(ids(pairSeats(seats, new Set(['1-1', '1-4']), 1))).toBeUndefined();
    expect(ids(pairSeats(seats, new Set(['1-4']), 1))).toEqual(['1-1', '1-2']);
  });

  it('with no two side by side, takes two one behind the other in the same column', () => {
    // Rows 1 and 2 have every other seat taken, leaving 1-2 above 2-2 and 1-4 above 2-4.
    const seats = hallSeats(hall(2, 4));
    expect(ids(pairSeats(seats, new Set(['1-1', '1-3', '2-1', '2-3']), 2))).toEqual(['1-2', '2-2']);
  });

  it('finds none when no two free seats are together', () => {
    const seats = hallSeats(hall(2, 4));
    expect(pairSeats(seats, new Set(['1-1', '1-3', '2-2', '2-4']), 2)).toBeUndefined();
  });

  it('leaves accessible places for last: two ordinary seats in line before a pair using one', () => {
    const seats = hallSeats(hall(2, 4, { accessible: [2, 3] }));
    expect(ids(pairSeats(seats, new Set(), 2))).toEqual(['1-1', '2-1']);
    expect(ids(pairSeats(seats, new Set(['1-1', '1-4']), 2))).toEqual(['2-2', '2-3']);
  });
});

describe('seatDraw', () => {
  it('seats winners in draw order, best available first, a pair together', () => {
    const seated = seatDraw([single('a'), pair('b'), single('c')], { seats: hallSeats(hall(1, 5)), bestRow: 1, taken: new Set() });
    expect(seated.seatsOffered).toBe(5);
    expect(seated.winners).toEqual(['a', 'b', 'c']);
    expect(seated.seated).toEqual([
      { entrant: 'a', seats: ['1-3'] },
      // 1-1/1-2 and 1-4/1-5 are as good: the lower numbers.
      { entrant: 'b', seats: ['1-1', '1-2'] },
      { entrant: 'c', seats: ['1-4'] },
    ]);
  });

  it('passes over a pair with no two seats together, and the next single takes a seat', () => {
    // Free: 1-1, 1-3 — two seats, not together.
    const seated = seatDraw([pair('a'), single('b')], { seats: hallSeats(hall(1, 4)), bestRow: 1, taken: new Set(['1-2', '1-4']) });
    expect(seated).toMatchObject({ seatsOffered: 2, winners: ['b'], passedOver: ['a'] });
  });

  it('passes over an entrant who may not hold a seat', () => {
    const seated = seatDraw([single('a'), single('b')], { seats: hallSeats(hall(1, 1)), bestRow: 1, taken: new Set(), mayHold: (entry) => entry.entrant !== 'a' });
    expect(seated).toMatchObject({ winners: ['b'], passedOver: ['a'], seated: [{ entrant: 'b', seats: ['1-1'] }] });
  });

  it('never gives one seat twice and never splits a pair', () => {
    const order = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? pair(`p${i}`) : single(`s${i}`)));
    const seated = seatDraw(order, { seats: hallSeats(hall(4, 7, { aisleAfter: [3] })), bestRow: 3, taken: new Set(['2-4']) });
    const all = seated.seated.flatMap((winner) => winner.seats);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('2-4');
    for (const winner of seated.seated) expect(winner.seats).toHaveLength(winner.entrant.startsWith('p') ? 2 : 1);
  });
});
