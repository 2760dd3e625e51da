import { describe, expect, it } from 'vitest';
import { decideClaim, type ClaimInput } from '../../src/cinema/claim-decision';
import { hallSeats } from '../../src/cinema/seat-map';

const seats = hallSeats({
  name: '测试厅',
  venue: '测试',
  rows: [
    { row: 1, seats: 3, aisleAfter: [], accessible: [], blocked: [3] },
    { row: 2, seats: 3, aisleAfter: [], accessible: [], blocked: [] },
  ],
});
const base: ClaimInput = { now: 1500, releaseAt: 1000, closesAt: 2000, booked: false, seats, bestRow: 2, taken: new Set(), holdsTicket: false };
const decide = (over: Partial<ClaimInput>) => decideClaim({ ...base, ...over });

describe('decideClaim', () => {
  it('refuses before the release with the opening time, and at the close', () => {
    expect(decide({ now: 999 })).toEqual({ ok: false, refusal: { code: 'window_not_open', opensAt: new Date(1000).toISOString() } });
    expect(decide({ now: 2000 })).toMatchObject({ ok: false, refusal: { code: 'window_closed' } });
  });

  it('refuses a booked screening and a member who already holds a ticket', () => {
    expect(decide({ booked: true })).toMatchObject({ refusal: { code: 'screening_booked' } });
    expect(decide({ holdsTicket: true })).toMatchObject({ refusal: { code: 'already_holds_ticket' } });
  });

  it('gives the chosen seat when it is free, or the best available', () => {
    expect(decide({ seat: '1-1' })).toMatchObject({ ok: true, seat: { id: '1-1' } });
    expect(decide({})).toMatchObject({ ok: true, seat: { id: '2-2' } });
  });

  it('suggests the nearest free seats when the chosen one is taken', () => {
    expect(decide({ seat: '2-2', taken: new Set(['2-2']) })).toEqual({
      ok: false,
      refusal: { code: 'seat_taken', suggestions: ['2-1', '2-3', '1-2', '1-1'] },
    });
  });

  it('refuses seats that do not exist or are never released', () => {
    expect(decide({ seat: '9-9' })).toMatchObject({ refusal: { code: 'seat_unavailable' } });
    expect(decide({ seat: '1-3' })).toMatchObject({ refusal: { code: 'seat_unavailable' } });
  });

  it('says sold out when no releasable seat is left', () => {
    const all = new Set(['1-1', '1-2', '2-1', '2-2', '2-3']);
    expect(decide({ taken: all })).toMatchObject({ refusal: { code: 'sold_out' } });
    expect(decide({ taken: all, seat: '2-2' })).toMatchObject({ refusal: { code: 'sold_out' } });
  });
});
