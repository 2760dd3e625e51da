/**
 * The KV seat store: key names, record shapes and reads. The Durable Objects write it (through their
 * outbox); routes read it. KV is eventually consistent, so what it says may be seconds old: the
 * objects' answers to claims are the authority.
 */

export type TicketStatus = 'active' | 'cancelled';
export type TicketSource = 'claim' | 'queue' | 'waitlist' | 'booking' | 'lottery';

/** A ticket as stored under ticket:<code>. */
export interface TicketRecord {
  code: string;
  screeningId: string;
  seat: string;
  status: TicketStatus;
  source: TicketSource;
  /** The holder: a member's id, or a grassroots union's name for block bookings. */
  memberId?: string;
  union?: string;
  /** A lottery pair's guest seat: the member who brought the guest (the ticket has no `memberId` of its own). */
  guestOf?: string;
  claimedAt: string;
  cancelledAt?: string;
  checkedInAt?: string;
}

/**
 * mt:<member>:<screening> metadata: enough to list a member's tickets without reading each one, times
 * included, so a page can tell which of two tickets of a screening is the newer. Entries written before
 * the times were added lack them until the ticket changes or the seat store is rebuilt.
 */
export type MemberTicketEntry =
  | ({ kind: 'ticket' } & Pick<TicketRecord, 'code' | 'seat' | 'status'> & Partial<Pick<TicketRecord, 'claimedAt' | 'cancelledAt' | 'checkedInAt'>>)
  | { kind: 'waitlist'; joinedAt: string };

/** seatmap:<screening>: seats held, coalesced to at most one write a second. */
export interface SeatMapSnapshot {
  screeningId: string;
  /** Increases with every change the object commits. */
  version: number;
  updatedAt: string;
  /** Seats members could ever hold (blocked seats excluded). */
  capacity: number;
  available: number;
  /** Seat id → 't' (a member's ticket) or 'r' (reserved for a union). */
  held: Record<string, 't' | 'r'>;
  checkedIn: number;
  waitlist: number;
}

/** A roster entry under member:<memberId>: only keyed hashes, no phone number or name. */
export interface RosterEntry {
  check: string;
}

export const kvKey = {
  roster: (memberId: string) => `member:${memberId}`,
  /** When the member last signed out (ms), apart from the roster so an import neither forgets nor undoes it. */
  signOut: (memberId: string) => `signout:${memberId}`,
  seatMap: (screeningId: string) => `seatmap:${screeningId}`,
  ticket: (code: string) => `ticket:${code}`,
  memberTicket: (memberId: string, screeningId: string) => `mt:${memberId}:${screeningId}`,
  memberTickets: (memberId: string) => `mt:${memberId}:`,
};

export function readRosterEntry(kv: KVNamespace, memberId: string): Promise<RosterEntry | null> {
  return kv.get<RosterEntry>(kvKey.roster(memberId), 'json');
}

/** When the member last signed out everywhere (ms), or null. */
export async function readSignOut(kv: KVNamespace, memberId: string): Promise<number | null> {
  const value = await kv.get(kvKey.signOut(memberId));
  return value === null ? null : Number(value);
}

export function readSeatMap(kv: KVNamespace, screeningId: string): Promise<SeatMapSnapshot | null> {
  return kv.get<SeatMapSnapshot>(kvKey.seatMap(screeningId), 'json');
}

export function readTicket(kv: KVNamespace, code: string): Promise<TicketRecord | null> {
  return kv.get<TicketRecord>(kvKey.ticket(code), 'json');
}

/** The member's ticket or waitlist place for one screening. */
export async function readMemberTicket(kv: KVNamespace, memberId: string, screeningId: string): Promise<MemberTicketEntry | null> {
  return (await kv.getWithMetadata<MemberTicketEntry>(kvKey.memberTicket(memberId, screeningId))).metadata;
}

/** The member's tickets and waitlist places, by screening id. */
export async function readMemberTickets(kv: KVNamespace, memberId: string): Promise<Map<string, MemberTicketEntry>> {
  const entries = new Map<string, MemberTicketEntry>();
  const prefix = kvKey.memberTickets(memberId);
  let cursor: string | undefined;
  do {
    const page = await kv.list<MemberTicketEntry>({ prefix, cursor });
    for (const key of page.keys) if (key.metadata) entries.set(key.name.slice(prefix.length), key.metadata);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return entries;
}
