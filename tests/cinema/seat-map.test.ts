import { describe, expect, it } from 'vitest';
import { bestAvailableSeat, bestRowOf, hallSeats, nearestFreeSeats, seatLabel } from '../../src/cinema/seat-map';
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
