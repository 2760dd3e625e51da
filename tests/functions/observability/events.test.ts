import { describe, expect, it } from 'vitest';
import { claimDataPoint, claimLogRecord, staffActionLogRecord } from '../../../functions/observability/events';

describe('claimLogRecord', () => {
  it('is the event, screening, outcome, replay and milliseconds only', () => {
    expect(claimLogRecord({ screening: 's1', outcome: 'sold_out', replayed: false, ms: 12 })).toEqual({ event: 'claim', screening: 's1', outcome: 'sold_out', replayed: false, ms: 12 });
  });

  it('drops whatever else an event object carries (a member id, a key) rather than spreading it', () => {
    const event = { screening: 's1', outcome: 'claimed', replayed: true, ms: 3, memberId: 'm-hash', idempotencyKey: 'key-12345678' };
    expect(claimLogRecord(event)).toEqual({ event: 'claim', screening: 's1', outcome: 'claimed', replayed: true, ms: 3 });
  });
});

describe('staffActionLogRecord', () => {
  it('is the action, screening, outcome, counts and milliseconds', () => {
    const record = staffActionLogRecord({ action: 'booking_cancel', screening: 's2', outcome: 'ok', counts: { released: 2, promoted: 1 }, ms: 40 });
    expect(record).toEqual({ event: 'staff', action: 'booking_cancel', screening: 's2', outcome: 'ok', counts: { released: 2, promoted: 1 }, ms: 40 });
  });

  it('keeps only numbers in the counts, and no other field', () => {
    const counts = { seats: 3, union: '某工会' } as unknown as Record<string, number>;
    const event = { action: 'booking' as const, screening: 's3', outcome: 'ok', counts, ms: 5, union: '某工会' };
    expect(staffActionLogRecord(event)).toEqual({ event: 'staff', action: 'booking', screening: 's3', outcome: 'ok', counts: { seats: 3 }, ms: 5 });
  });
});

describe('claimDataPoint', () => {
  it('indexes by screening; blobs screening and outcome; doubles a count of 1, the milliseconds and the replay', () => {
    expect(claimDataPoint({ screening: 's4', outcome: 'claimed', replayed: true, ms: 27 })).toEqual({
      indexes: ['s4'],
      blobs: ['s4', 'claimed'],
      doubles: [1, 27, 1],
    });
    expect(claimDataPoint({ screening: 's4', outcome: 'seat_taken', replayed: false, ms: 8 }).doubles).toEqual([1, 8, 0]);
  });
});
