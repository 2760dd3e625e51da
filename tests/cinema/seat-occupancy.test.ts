import { describe, expect, it } from 'vitest';
import type { Hall } from '../../src/cinema/hall-schema';
import { hallSeats } from '../../src/cinema/seat-map';
import { SeatOccupancy } from '../../src/cinema/seat-occupancy';

const hall = (blocked: number[] = [], seats = 3): Hall => ({
  name: '测试厅',
  venue: '测试',
  rows: [{ row: 1, seats, aisleAfter: [], accessible: [], blocked }],
});

describe('SeatOccupancy', () => {
  it('counts free seats as seats are taken and given back', () => {
    const occupancy = new SeatOccupancy(hallSeats(hall()), ['1-1']);
    expect(occupancy.free).toBe(2);
    occupancy.add('1-2');
    occupancy.add('1-2');
    expect(occupancy.free).toBe(1);
    occupancy.delete('1-1');
    occupancy.delete('1-1');
    expect(occupancy.free).toBe(2);
    expect([...occupancy.taken]).toEqual(['1-2']);
  });

  it('does not count a held seat that a changed hall blocked or removed', () => {
    const occupancy = new SeatOccupancy(hallSeats(hall()), ['1-1', '1-2']);
    occupancy.setHall(hallSeats(hall([1])));
    expect(occupancy.free).toBe(1);
    expect([occupancy.isReleasable('1-1'), occupancy.isReleasable('1-2')]).toEqual([false, true]);
    occupancy.setHall(hallSeats(hall([], 1)));
    expect(occupancy.free).toBe(0);
    occupancy.delete('1-2');
    expect(occupancy.free).toBe(0);
    expect(occupancy.taken.has('1-1')).toBe(true);
  });

  it('starts again from a list of held seats', () => {
    const occupancy = new SeatOccupancy(hallSeats(hall()), ['1-1']);
    occupancy.reset([]);
    expect(occupancy.free).toBe(3);
    occupancy.reset(['1-3', '1-9']);
    expect(occupancy.free).toBe(2);
  });
});
