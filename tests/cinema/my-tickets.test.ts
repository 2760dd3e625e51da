import { describe, expect, it } from 'vitest';
import { openWaitlistPlaces, reconcileLocalTickets, ticketsToShow, type ListedTicket } from '../../src/cinema/my-tickets';

const NOW = Date.parse('2026-12-01T08:00:00Z');
const show = { id: 'wed', startsAt: '2026-12-02T10:30:00.000Z' };
const ticket = (code: string, over: Partial<ListedTicket> = {}): ListedTicket => ({
  code,
  status: 'active',
  claimedAt: '2026-11-30T04:00:01.000Z',
  screening: show,
  ...over,
});
const local = (...tickets: ListedTicket[]) => new Map(tickets.map((t) => [t.code, t]));

describe('reconcileLocalTickets', () => {
  it('keeps a ticket claimed here until the server lists it (KV takes a moment)', () => {
    const mine = ticket('AAAAAAAA');
    expect([...reconcileLocalTickets([], local(mine)).keys()]).toEqual(['AAAAAAAA']);
    expect(ticketsToShow([], local(mine), NOW)).toEqual([mine]);
  });

  it('drops the local copy once the server lists that code in the same state', () => {
    const mine = ticket('AAAAAAAA');
    expect(reconcileLocalTickets([ticket('AAAAAAAA')], local(mine)).size).toBe(0);
  });

  it('lets a cancellation on another device win over the active copy claimed here', () => {
    const mine = ticket('AAAAAAAA');
    const server = [ticket('AAAAAAAA', { status: 'cancelled' })];
    const kept = reconcileLocalTickets(server, local(mine));
    expect(kept.size).toBe(0);
    // No QR and no 退票 button for it any more: a cancelled ticket shows only when cancelled here.
    expect(ticketsToShow(server, kept, NOW)).toEqual([]);
  });

  it('lets a check-in at the door win over the copy claimed here', () => {
    const server = [ticket('AAAAAAAA', { checkedInAt: '2026-12-02T10:20:00.000Z' })];
    const kept = reconcileLocalTickets(server, local(ticket('AAAAAAAA')));
    expect(ticketsToShow(server, kept, NOW)).toEqual(server);
  });

  it('keeps a cancellation made here while the server still lists the ticket as active (a stale list)', () => {
    const cancelled = ticket('AAAAAAAA', { status: 'cancelled' });
    const kept = reconcileLocalTickets([ticket('AAAAAAAA')], local(cancelled));
    expect(kept.get('AAAAAAAA')).toBe(cancelled);
    expect(ticketsToShow([ticket('AAAAAAAA')], kept, NOW)).toEqual([cancelled]);
  });

  it('drops a local ticket once the server lists a newer ticket of the same screening', () => {
    const cancelledHere = ticket('AAAAAAAA', { status: 'cancelled' });
    const newer = ticket('BBBBBBBB', { claimedAt: '2026-11-30T05:00:00.000Z' });
    expect(reconcileLocalTickets([newer], local(cancelledHere)).size).toBe(0);
  });

  it('drops a local ticket when the server names another ticket of its screening without saying when it was claimed', () => {
    // An entry written before the list carried claimedAt: it may be newer, and a cancelled copy must not stay active.
    const mine = ticket('AAAAAAAA');
    const { claimedAt: _, ...other } = ticket('BBBBBBBB');
    expect(reconcileLocalTickets([other], local(mine)).size).toBe(0);
  });

  it('keeps a ticket claimed here when the server still lists an older one of the same screening', () => {
    const older = ticket('AAAAAAAA', { status: 'cancelled', claimedAt: '2026-11-30T04:00:01.000Z' });
    const mine = ticket('BBBBBBBB', { claimedAt: '2026-11-30T05:00:00.000Z' });
    expect([...reconcileLocalTickets([older], local(mine)).keys()]).toEqual(['BBBBBBBB']);
  });
});

describe('ticketsToShow', () => {
  it('lists active tickets by start time and leaves out those of screenings long over', () => {
    const later = ticket('BBBBBBBB', { screening: { id: 'fri', startsAt: '2026-12-04T10:30:00.000Z' } });
    const past = ticket('CCCCCCCC', { screening: { id: 'old', startsAt: '2026-11-30T10:30:00.000Z' } });
    expect(ticketsToShow([later, past, ticket('AAAAAAAA')], new Map(), NOW).map((t) => t.code)).toEqual(['AAAAAAAA', 'BBBBBBBB']);
  });
});

describe('openWaitlistPlaces', () => {
  it('leaves out places of screenings whose claims have closed: nobody can be promoted any more', () => {
    const open = { screeningId: 'wed', closesAt: '2026-12-02T09:30:00.000Z' };
    const ended = { screeningId: 'last-week', closesAt: '2026-11-27T09:30:00.000Z' };
    const closingNow = { screeningId: 'now', closesAt: new Date(NOW).toISOString() };
    expect(openWaitlistPlaces([open, ended, closingNow], NOW)).toEqual([open]);
  });
});
