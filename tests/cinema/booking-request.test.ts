import { describe, expect, it } from 'vitest';
import { distinctSeatIds, resolveBookingRequest } from '../../src/cinema/booking-request';
import type { Hall } from '../../src/cinema/hall-schema';

const hall: Hall = {
  name: '测试厅',
  venue: '测试',
  rows: [
    { row: 1, seats: 5, aisleAfter: [], accessible: [], blocked: [3] },
    { row: 2, seats: 4, aisleAfter: [], accessible: [], blocked: [] },
    { row: 4, seats: 4, aisleAfter: [], accessible: [], blocked: [1, 2] },
  ],
};
const resolve = (request: Parameters<typeof resolveBookingRequest>[1], booking?: { union: string }) =>
  resolveBookingRequest({ hall, ...(booking ? { booking } : {}) }, request);

describe('distinctSeatIds', () => {
  it('keeps each seat once, in the order first given, whatever its leading zeros', () => {
    expect(distinctSeatIds(['2-1', '1-1', '2-1', '02-001', '1-1'])).toEqual(['2-1', '1-1']);
  });
});

describe('resolveBookingRequest', () => {
  it('refuses a screening the programme books whole, naming the union', () => {
    expect(resolve({}, { union: '铁路工会' })).toEqual({ ok: false, refusal: { code: 'screening_booked_whole', union: '铁路工会' } });
    expect(resolve({ seats: ['1-1'] }, { union: '铁路工会' })).toMatchObject({ ok: false, refusal: { code: 'screening_booked_whole' } });
  });

  it('asks for every free seat when neither seats nor a range is given', () => {
    expect(resolve({})).toEqual({ ok: true });
  });

  it('books listed seats once each', () => {
    expect(resolve({ seats: ['2-4', '2-4', '01-1', '1-1'] })).toEqual({ ok: true, seats: ['2-4', '1-1'] });
  });

  it('refuses listed seats the hall lacks or blocks, naming each', () => {
    expect(resolve({ seats: ['1-1', '1-3', '1-6', '3-1', '2-0', '999-999'] })).toEqual({
      ok: false,
      refusal: { code: 'seats_not_bookable', seats: ['1-3', '1-6', '3-1', '2-0', '999-999'] },
    });
  });

  it('turns a range into its seats, skipping blocked ones', () => {
    expect(resolve({ range: { row: 1, from: 2, to: 5 } })).toEqual({ ok: true, seats: ['1-2', '1-4', '1-5'] });
  });

  it('refuses a range past its row or in a missing row, however large, without building it', () => {
    expect(resolve({ range: { row: 2, from: 1, to: Number.MAX_SAFE_INTEGER } })).toEqual({
      ok: false,
      refusal: { code: 'range_outside_hall', row: 2, rowSeats: 4 },
    });
    expect(resolve({ range: { row: 2, from: 4, to: 5 } })).toMatchObject({ refusal: { code: 'range_outside_hall' } });
    expect(resolve({ range: { row: 3, from: 1, to: 1 } })).toEqual({ ok: false, refusal: { code: 'range_outside_hall', row: 3, rowSeats: 0 } });
  });

  it('refuses a range of blocked seats only', () => {
    expect(resolve({ range: { row: 4, from: 1, to: 2 } })).toEqual({ ok: false, refusal: { code: 'seats_not_bookable', seats: ['4-1', '4-2'] } });
  });
});
