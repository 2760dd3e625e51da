import { describe, expect, it } from 'vitest';
import {
  decideSyncedCheckIn,
  earlierCheckIn,
  offlineVerdict,
  readTicketScan,
  type DoorCheckIn,
  type ListedTicket,
} from '../../src/cinema/offline-checkin';

const listed = (code: string, over: Partial<ListedTicket> = {}): [string, ListedTicket] => [code, { code, seat: '3-4', status: 'active', ...over }];
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 11, minute)).toISOString();
const checkIn = (code: string, minute: number, device: string): DoorCheckIn => ({ code, at: at(minute), device });

describe('readTicketScan', () => {
  it('reads a typed code however it was typed', () => {
    expect(readTicketScan(' abcd-2345 ')).toEqual({ kind: 'typed', code: 'ABCD2345' });
  });

  it('reads HG1 and HG2 payloads, with what their signature covers', () => {
    expect(readTicketScan('HG2.s1.ABCD2345.sig')).toEqual({ kind: 'qr', version: 'HG2', screeningId: 's1', code: 'ABCD2345', signed: 'HG2.s1.ABCD2345', signature: 'sig' });
    expect(readTicketScan('HG1.s1.ABCD2345.mac')).toMatchObject({ kind: 'qr', version: 'HG1' });
  });

  it('reads nothing from another kind of payload or a bad code', () => {
    expect(readTicketScan('HG9.s1.ABCD2345.sig')).toBeUndefined();
    expect(readTicketScan('HG2.s1.ABCD2345')).toBeUndefined();
    expect(readTicketScan('https://example.com/')).toBeUndefined();
    expect(readTicketScan('OOOO-1111')).toBeUndefined();
  });
});

describe('offlineVerdict', () => {
  const tickets = new Map([listed('ABCD2345'), listed('BCDE2345', { checkedInAt: at(1) }), listed('CDEF2345', { status: 'cancelled' })]);
  const verdict = (input: string, over: { signatureValid?: boolean; local?: DoorCheckIn[] } = {}) =>
    offlineVerdict({
      screeningId: 's1',
      scan: readTicketScan(input),
      tickets,
      localCheckIns: new Map((over.local ?? []).map((entry) => [entry.code, entry])),
      ...(over.signatureValid === undefined ? {} : { signatureValid: over.signatureValid }),
    });

  it('lets in a listed ticket not yet checked in, typed or scanned', () => {
    expect(verdict('ABCD-2345')).toEqual({ verdict: 'valid', code: 'ABCD2345', seat: '3-4' });
    expect(verdict('HG2.s1.ABCD2345.sig', { signatureValid: true })).toEqual({ verdict: 'valid', code: 'ABCD2345', seat: '3-4' });
    // An old HG1 ticket: the door cannot check its HMAC offline, the list vouches for it.
    expect(verdict('HG1.s1.ABCD2345.mac')).toEqual({ verdict: 'valid', code: 'ABCD2345', seat: '3-4' });
  });

  it('says already checked in, by the list or by this device since, with the earlier time', () => {
    expect(verdict('BCDE2345')).toEqual({ verdict: 'already_checked_in', code: 'BCDE2345', seat: '3-4', checkedInAt: at(1) });
    expect(verdict('ABCD2345', { local: [checkIn('ABCD2345', 5, 'door-a')] })).toMatchObject({ verdict: 'already_checked_in', checkedInAt: at(5) });
    expect(verdict('BCDE2345', { local: [checkIn('BCDE2345', 9, 'door-a')] })).toMatchObject({ checkedInAt: at(1) });
  });

  it('names the other screening of a ticket for another one', () => {
    expect(verdict('HG2.s2.ABCD2345.sig', { signatureValid: true })).toEqual({ verdict: 'wrong_screening', code: 'ABCD2345', ticketScreeningId: 's2' });
  });

  it('refuses a cancelled ticket', () => {
    expect(verdict('CDEF2345')).toEqual({ verdict: 'cancelled', code: 'CDEF2345', seat: '3-4' });
  });

  it('lets in a ticket issued after the list was fetched only on a verified signature', () => {
    expect(verdict('HG2.s1.DEFG2345.sig', { signatureValid: true })).toEqual({ verdict: 'valid', code: 'DEFG2345', unlisted: true });
    expect(verdict('HG2.s1.DEFG2345.sig')).toEqual({ verdict: 'unknown' });
    expect(verdict('DEFG2345')).toEqual({ verdict: 'unknown' });
    expect(verdict('HG1.s1.DEFG2345.mac')).toEqual({ verdict: 'unknown' });
  });

  it('believes nothing a forged HG2 payload says, even a listed code', () => {
    expect(verdict('HG2.s1.ABCD2345.forged', { signatureValid: false })).toEqual({ verdict: 'unknown' });
    expect(verdict('HG2.s2.ABCD2345.forged', { signatureValid: false })).toEqual({ verdict: 'unknown' });
  });

  it('knows nothing of what is not a ticket', () => {
    expect(verdict('hello')).toEqual({ verdict: 'unknown' });
  });
});

describe('earlierCheckIn', () => {
  it('keeps the earlier of two check-ins of one ticket, whichever is given first', () => {
    const early = checkIn('ABCD2345', 7, 'door-b');
    const late = checkIn('ABCD2345', 10, 'door-a');
    expect(earlierCheckIn(early, late)).toBe(early);
    expect(earlierCheckIn(late, early)).toBe(early);
  });

  it('breaks a tie in time by the device name, the same way whichever comes first', () => {
    const a = checkIn('ABCD2345', 10, 'door-a');
    const b = checkIn('ABCD2345', 10, 'door-b');
    expect(earlierCheckIn(b, a)).toBe(a);
    expect(earlierCheckIn(a, b)).toBe(a);
  });
});

describe('decideSyncedCheckIn', () => {
  const incoming = checkIn('ABCD2345', 10, 'door-a');

  it('refuses a ticket it does not know or one cancelled', () => {
    expect(decideSyncedCheckIn(undefined, incoming, [])).toEqual({ kind: 'unknown_ticket' });
    expect(decideSyncedCheckIn({ status: 'cancelled' }, incoming, [])).toEqual({ kind: 'ticket_cancelled' });
  });

  it('checks in a ticket not yet checked in, and changes nothing when the same check-in comes again', () => {
    expect(decideSyncedCheckIn({ status: 'active' }, incoming, [])).toEqual({ kind: 'checked_in' });
    expect(decideSyncedCheckIn({ status: 'active', checkIn: incoming }, { ...incoming }, [])).toEqual({ kind: 'replayed' });
    // Its time as the object stored it may differ (clamped to the object's clock): still the device's one check-in.
    expect(decideSyncedCheckIn({ status: 'active', checkIn: incoming }, { ...incoming, at: at(12) }, [])).toEqual({ kind: 'replayed' });
  });

  it('takes a device’s offline check-in as a replay of its own online check-in of the ticket, earlier or later', () => {
    // The online answer was lost, so the device checked the ticket in again offline: one check-in, not a conflict.
    const online = checkIn('ABCD2345', 9, 'door-a');
    expect(decideSyncedCheckIn({ status: 'active', checkIn: online }, incoming, [])).toEqual({ kind: 'replayed' });
    expect(decideSyncedCheckIn({ status: 'active', checkIn: online }, { ...incoming, at: at(8) }, [])).toEqual({ kind: 'replayed' });
  });

  it('lets the earlier check-in win, whichever arrives first', () => {
    const earlier = checkIn('ABCD2345', 4, 'door-b');
    expect(decideSyncedCheckIn({ status: 'active', checkIn: incoming }, earlier, [])).toEqual({ kind: 'earlier_wins', later: incoming });
    expect(decideSyncedCheckIn({ status: 'active', checkIn: earlier }, incoming, [])).toEqual({ kind: 'conflict', kept: earlier, recorded: false });
    expect(decideSyncedCheckIn({ status: 'active', checkIn: earlier }, incoming, [incoming])).toEqual({ kind: 'conflict', kept: earlier, recorded: true });
  });
});
