import { describe, expect, it } from 'vitest';
import type { Hall } from '../../src/cinema/hall-schema';
import { heldSeats, unionsHolding } from '../../src/cinema/seat-holders';

const hall: Hall = {
  name: '测试厅',
  venue: '测试影院',
  rows: [{ row: 1, seats: 4, aisleAfter: [], accessible: [4], blocked: [3] }],
};
const memberId = 'a1b2c3d4e5f6a7b8c9d0';

describe('heldSeats', () => {
  it('names each seat’s holder: a union by name, a member only by a masked id', () => {
    const seats = heldSeats({ hall }, [
      { code: 'AAAA-1111', seat: '1-1', status: 'active', memberId, checkedInAt: '2026-12-01T12:00:00Z' },
      { code: 'BBBB-2222', seat: '1-2', status: 'active', union: '机务段工会' },
      { code: 'CCCC-3333', seat: '1-4', status: 'cancelled', memberId },
    ]);
    expect(seats.map((seat) => [seat.id, seat.state, seat.holder, seat.checkedIn])).toEqual([
      ['1-1', 'member', '会员 ···c9d0', true],
      ['1-2', 'union', '机务段工会', false],
      ['1-3', 'blocked', undefined, false],
      ['1-4', 'free', undefined, false],
    ]);
    expect(JSON.stringify(seats)).not.toContain(memberId);
    expect(seats[3]!.accessible).toBe(true);
  });

  it('holds every free seat of a screening the catalogue books whole for its union', () => {
    const seats = heldSeats({ hall, booking: { union: '车务段工会' } }, []);
    expect(seats.map((seat) => seat.state)).toEqual(['union', 'union', 'blocked', 'union']);
  });
});

describe('unionsHolding', () => {
  it('counts each union’s booked seats and those nobody has used', () => {
    const seats = heldSeats({ hall }, [
      { code: 'AAAA-1111', seat: '1-1', status: 'active', union: '机务段工会', checkedInAt: '2026-12-01T12:00:00Z' },
      { code: 'BBBB-2222', seat: '1-2', status: 'active', union: '机务段工会' },
      { code: 'CCCC-3333', seat: '1-4', status: 'active', memberId },
    ]);
    expect(unionsHolding(seats)).toEqual([{ union: '机务段工会', seats: 2, unused: 1 }]);
  });
});
