import { describe, expect, it } from 'vitest';
import { hallSeats } from '../../src/cinema/seat-map';
import { encodeSeatStatuses, withSeatStatuses } from '../../src/cinema/seat-statuses';

const hall = {
  name: '测试厅',
  venue: '测试影院',
  rows: [
    { row: 2, seats: 3, aisleAfter: [], accessible: [], blocked: [3] },
    { row: 1, seats: 2, aisleAfter: [1], accessible: [2], blocked: [] },
  ],
};

describe('seat statuses', () => {
  it('are one character per seat in layout order, blocked seats whatever KV says', () => {
    const seats = hallSeats(hall);
    expect(seats.map((seat) => seat.id)).toEqual(['1-1', '1-2', '2-1', '2-2', '2-3']);
    expect(encodeSeatStatuses(seats, { '1-2': 't', '2-1': 'r', '2-3': 't' })).toBe('ftrfb');
  });

  const layout = [
    { row: 1, seats: [{ id: '1-1' }, { id: '1-2' }] },
    { row: 2, seats: [{ id: '2-1' }, { id: '2-2' }, { id: '2-3' }] },
  ];

  it('decode onto the layout, seat by seat', () => {
    expect(withSeatStatuses(layout, 'ftrfb')).toEqual([
      { row: 1, seats: [{ id: '1-1', status: 'free' }, { id: '1-2', status: 'taken' }] },
      { row: 2, seats: [{ id: '2-1', status: 'reserved' }, { id: '2-2', status: 'free' }, { id: '2-3', status: 'blocked' }] },
    ]);
  });

  it('refuse to decode what does not fit the layout', () => {
    expect(withSeatStatuses(layout, 'ftrf')).toBeUndefined();
    expect(withSeatStatuses(layout, 'ftrfbf')).toBeUndefined();
    expect(withSeatStatuses(layout, 'ftrfx')).toBeUndefined();
  });
});
