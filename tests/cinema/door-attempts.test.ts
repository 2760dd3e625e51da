import { describe, expect, it } from 'vitest';
import { attemptTicketCode, DoorAttempts, LOST_ANSWER_WINDOW_MS } from '../../src/cinema/door-attempts';

const T = Date.parse('2026-12-02T10:20:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const usedAt = (ms: number) => ({ code: 'already_checked_in', checkedInAt: iso(ms) });

describe('attemptTicketCode', () => {
  it('reads the code typed or carried by the QR payload, as the server stores it', () => {
    expect(attemptTicketCode({ code: 'abcd-efgh' })).toBe('ABCDEFGH');
    expect(attemptTicketCode({ qr: 'HG1.2026-12-02-1830.ABCDEFGH.c2lnbmF0dXJl' })).toBe('ABCDEFGH');
    expect(attemptTicketCode({ qr: 'not a ticket' })).toBeUndefined();
  });
});

describe('DoorAttempts', () => {
  it("counts already_checked_in as this device's own check-in when its earlier answer was lost moments ago", () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T + 300), T + 20_000)).toBe(true);
  });

  it('vouches for one rescan only: a copy of the QR shown next is turned away', () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T + 300), T + 20_000)).toBe(true);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T + 300), T + 30_000)).toBe(false);
  });

  it('turns away a ticket checked in before this device tried it (at another door, say)', () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T - 10 * 60_000), T + 20_000)).toBe(false);
  });

  it('only within a couple of minutes of the lost attempt, and only for that code', () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T);
    door.unanswered('JKMNPQRS', T);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T + 300), T + LOST_ANSWER_WINDOW_MS + 1)).toBe(false);
    expect(door.ownEarlierCheckIn('ZZZZZZZZ', usedAt(T + 300), T + 20_000)).toBe(false);
    expect(door.ownEarlierCheckIn('JKMNPQRS', usedAt(T + 300), T + 20_000)).toBe(true);
  });

  it('lets the holder in when a later retry of this device, not the first try, checked the ticket in', () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T); // never reached the server
    door.unanswered('ABCDEFGH', T + 100_000); // reached it and checked the ticket in; the answer was lost
    // The rescan comes 130 s after the first try but 30 s after the retry that went through.
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T + 100_500), T + 130_000)).toBe(true);
  });

  it('still turns away a ticket checked in before the first of the unanswered tries', () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T);
    door.unanswered('ABCDEFGH', T + 100_000);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T - 60_000), T + 110_000)).toBe(false);
  });

  it('forgets the lost attempt once another decided answer for the code comes back', () => {
    const door = new DoorAttempts();
    door.unanswered('ABCDEFGH', T);
    // The lost attempt never reached the server: the rescan checked the ticket in.
    expect(door.ownEarlierCheckIn('ABCDEFGH', { code: undefined }, T + 10_000)).toBe(false);
    expect(door.ownEarlierCheckIn('ABCDEFGH', usedAt(T + 10_000), T + 20_000)).toBe(false);
  });
});
