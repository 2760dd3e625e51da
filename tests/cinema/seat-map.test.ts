import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAvailableSeat, bestRowOf, hallSeats, nearestFreeSeats, seatLabel, type Seat } from '../../src/cinema/seat-map';
import type { Hall } from '../../src/cinema/hall-schema';

const row = (n: number, seats: number, extra: Partial<Hall['rows'][number]> = {}) => ({
  row: n,
  seats,
  aisleAfter: [],
  accessible: [],
  blocked: [],
  ...extra,
});
const hall: Hall = {
  name: '测试厅',
  venue: '测试',
  bestRow: 3,
  rows: [row(1, 6), row(2, 6), row(3, 6, { aisleAfter: [2] }), row(4, 6, { accessible: [1, 6], blocked: [3] })],
};
const seats = hallSeats(hall);
const byId = (id: string) => seats.find((seat) => seat.id === id)!;
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('hallSeats', () => {
  it('lays out every seat with its distance from the row centre, aisles included', () => {
    expect(seats).toHaveLength(24);
    expect(byId('1-1').x).toBe(-2.5);
    expect(byId('1-6').x).toBe(2.5);
    // Row 3 has an aisle after seat 2: seven positions wide, seat 3 sits right of the aisle.
    expect([byId('3-2').x, byId('3-3').x]).toEqual([-2, 0]);
    expect(byId('3-2').aisleAfter).toBe(true);
    expect(byId('4-1').accessible).toBe(true);
    expect(byId('4-3').blocked).toBe(true);
  });

  it('labels seats the Chinese way', () => {
    expect(seatLabel(byId('3-5'))).toBe('3排5号');
  });
});

describe('bestRowOf', () => {
  it('uses the hall setting, else about 60 % of the way back', () => {
    expect(bestRowOf(hall)).toBe(3);
    expect(bestRowOf({ ...hall, bestRow: undefined, rows: Array.from({ length: 10 }, (_, i) => row(i + 1, 4)) })).toBe(6);
  });
});

describe('bestAvailableSeat', () => {
  it('takes the centre of the best row first', () => {
    expect(bestAvailableSeat(seats, new Set(), 3)?.id).toBe('3-3');
  });

  it('prefers a centre seat one row off to an edge seat in the best row', () => {
    const taken = new Set(['3-3', '3-4', '3-5', '3-2']);
    expect(bestAvailableSeat(seats, taken, 3)?.id).toBe('4-4');
  });

  it('never hands out blocked seats and leaves accessible places for last', () => {
    const everythingButAccessible = new Set(seats.filter((s) => !s.accessible && !s.blocked).map((s) => s.id));
    expect(bestAvailableSeat(seats, everythingButAccessible, 3)?.accessible).toBe(true);
    const all = new Set([...everythingButAccessible, '4-1', '4-6']);
    expect(bestAvailableSeat(seats, all, 3)).toBeUndefined();
  });

  it('fills a hall completely, each seat once', () => {
    const taken = new Set<string>();
    for (let seat = bestAvailableSeat(seats, taken, 3); seat; seat = bestAvailableSeat(seats, taken, 3)) {
      expect(taken.has(seat.id)).toBe(false);
      taken.add(seat.id);
    }
    expect(taken.size).toBe(23);
  });
});

describe('nearestFreeSeats', () => {
  it('suggests the nearest free seats, nearest first', () => {
    const taken = new Set(['2-3', '2-4']);
    expect(ids(nearestFreeSeats(seats, taken, byId('2-3'), 3))).toEqual(['2-2', '1-3', '3-3']);
  });
});

describe('the one-pass seat choices, against sorting the whole hall', () => {
  // The obvious versions: every free seat, sorted by the documented order.
  const byCost = (bestRow: number) => (a: Seat, b: Seat) =>
    2 * Math.abs(a.row - bestRow) + Math.abs(a.x) - (2 * Math.abs(b.row - bestRow) + Math.abs(b.x)) || b.row - a.row || a.number - b.number;
  const sortedBest = (all: readonly Seat[], taken: ReadonlySet<string>, bestRow: number) => {
    const free = all.filter((seat) => !seat.blocked && !taken.has(seat.id));
    const ordinary = free.filter((seat) => !seat.accessible);
    return [...(ordinary.length > 0 ? ordinary : free)].sort(byCost(bestRow))[0];
  };
  const sortedNearest = (all: readonly Seat[], taken: ReadonlySet<string>, around: Seat, count: number) =>
    all
      .filter((seat) => !seat.blocked && !taken.has(seat.id) && seat.id !== around.id && seat.accessible === around.accessible)
      .map((seat) => ({ seat, distance: Math.hypot(seat.row - around.row, seat.x - around.x) }))
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          Math.abs(a.seat.row - around.row) - Math.abs(b.seat.row - around.row) ||
          a.seat.row - b.seat.row ||
          a.seat.number - b.seat.number,
      )
      .slice(0, count)
      .map(({ seat }) => seat);

  const hallAndTaken = fc
    .array(fc.record({ seats: fc.integer({ min: 1, max: 12 }), aisle: fc.integer({ min: 0, max: 12 }), accessible: fc.integer({ min: 0, max: 12 }), blocked: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 8 })
    .chain((rows) => {
      const random: Hall = {
        name: '随机厅',
        venue: '测试',
        rows: rows.map((r, i) => row(i + 1, r.seats, {
          aisleAfter: r.aisle > 0 && r.aisle < r.seats ? [r.aisle] : [],
          accessible: r.accessible > 0 && r.accessible <= r.seats ? [r.accessible] : [],
          blocked: r.blocked > 0 && r.blocked <= r.seats ? [r.blocked] : [],
        })),
      };
      const all = hallSeats(random);
      return fc.tuple(fc.constant(random), fc.subarray(all.map((seat) => seat.id)), fc.nat({ max: all.length - 1 }));
    });

  it('choose the same seats', () => {
    fc.assert(
      fc.property(hallAndTaken, ([random, takenIds, aroundIndex]) => {
        const all = hallSeats(random);
        const taken = new Set(takenIds);
        expect(bestAvailableSeat(all, taken, bestRowOf(random))).toEqual(sortedBest(all, taken, bestRowOf(random)));
        expect(nearestFreeSeats(all, taken, all[aroundIndex]!, 4)).toEqual(sortedNearest(all, taken, all[aroundIndex]!, 4));
      }),
      { numRuns: 300 },
    );
  });
});
