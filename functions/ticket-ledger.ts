import { SeatOccupancy } from '../src/cinema/seat-occupancy.ts';
import { ticketCodeFromRandom } from '../src/cinema/ticket-code.ts';
import type { KvOutbox } from './kv-outbox.ts';
import { kvKey, type MemberTicketEntry, type TicketRecord, type TicketSource } from './seat-store.ts';

interface TicketRow extends Record<string, SqlStorageValue> {
  code: string;
  seat: string;
  member_id: string | null;
  union_name: string | null;
  guest_of: string | null;
  source: string;
  status: string;
  claimed_at: number;
  cancelled_at: number | null;
  checked_in_at: number | null;
}

/** One member's Idempotency-Key in the in-memory set (neither holds a newline). */
const memberKey = (memberId: string, key: string) => `${memberId}\n${key}`;

/**
 * A screening's tickets and the Idempotency-Keys of the claims that got them, in the object's SQLite,
 * mirrored to KV through the outbox. Unique indexes back the object's rules up: one active ticket per
 * seat and per member.
 *
 * The seats held (`occupancy`) and the keys issued are also kept in memory, loaded once when the
 * object wakes, so a claim does not read every ticket. Every change to an active ticket goes through
 * `issue`, `cancel` or `purge` here (every key through `recordKey`), which keep that memory exact;
 * after a transaction that threw, `reload()` reads it again from SQLite.
 */
export class TicketLedger {
  readonly occupancy = new SeatOccupancy();
  /** `${memberId}\n${key}` for every Idempotency-Key a ticket was issued for: keys are each member's own. */
  private readonly keys = new Set<string>();

  constructor(
    private readonly sql: SqlStorage,
    private readonly outbox: KvOutbox,
    /** The screening the tickets are for (the object's adopted catalogue entry). */
    private readonly screeningId: () => string,
  ) {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS tickets (
        code TEXT PRIMARY KEY,
        seat TEXT NOT NULL,
        member_id TEXT,
        union_name TEXT,
        source TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        claimed_at INTEGER NOT NULL,
        cancelled_at INTEGER,
        checked_in_at INTEGER
      );
      CREATE UNIQUE INDEX IF NOT EXISTS one_ticket_per_seat ON tickets(seat) WHERE status = 'active';
      CREATE UNIQUE INDEX IF NOT EXISTS one_ticket_per_member ON tickets(member_id) WHERE status = 'active' AND member_id IS NOT NULL;
      CREATE TABLE IF NOT EXISTS idempotency (member_id TEXT NOT NULL, key TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (member_id, key));
    `);
    // A lottery pair's guest holds a seat in the member's name without being a member here: guest_of, not
    // member_id, so one_ticket_per_member still means one seat of the member's own (and one guest seat).
    const columns = sql.exec<{ name: string }>("SELECT name FROM pragma_table_info('tickets')").toArray();
    if (!columns.some((column) => column.name === 'guest_of')) sql.exec('ALTER TABLE tickets ADD COLUMN guest_of TEXT');
    sql.exec("CREATE UNIQUE INDEX IF NOT EXISTS one_guest_per_member ON tickets(guest_of) WHERE status = 'active' AND guest_of IS NOT NULL");
    this.reload();
  }

  /** Reads the in-memory state again from SQLite (after waking, or after a transaction rolled back). */
  reload(): void {
    this.occupancy.reset(this.sql.exec<{ seat: string }>("SELECT seat FROM tickets WHERE status = 'active'").toArray().map((r) => r.seat));
    this.keys.clear();
    for (const row of this.sql.exec<{ member_id: string; key: string }>('SELECT member_id, key FROM idempotency')) {
      this.keys.add(memberKey(row.member_id, row.key));
    }
  }

  ticket(code: string): TicketRecord | undefined {
    const row = this.row(code);
    return row && this.record(row);
  }

  activeTicketOf(memberId: string): TicketRecord | undefined {
    const row = this.sql.exec<TicketRow>("SELECT * FROM tickets WHERE member_id = ? AND status = 'active'", memberId).toArray()[0];
    return row && this.record(row);
  }

  /** The active ticket of the guest a member brought (a lottery pair), if any. */
  activeGuestTicketOf(memberId: string): TicketRecord | undefined {
    const row = this.sql.exec<TicketRow>("SELECT * FROM tickets WHERE guest_of = ? AND status = 'active'", memberId).toArray()[0];
    return row && this.record(row);
  }

  /** The ticket an earlier claim with this member's Idempotency-Key got, if any. */
  ticketForKey(memberId: string, key: string): TicketRecord | undefined {
    const prior = this.sql.exec<{ code: string }>('SELECT code FROM idempotency WHERE member_id = ? AND key = ?', memberId, key).toArray()[0];
    return prior && this.ticket(prior.code);
  }

  /** Whether this member's claim with this Idempotency-Key got a ticket here. */
  issuedKey(memberId: string, key: string): boolean {
    return this.keys.has(memberKey(memberId, key));
  }

  takenSeats(): ReadonlySet<string> {
    return this.occupancy.taken;
  }

  /** Active tickets: their seats, holders' kind and check-ins, for the seat map and the staff. */
  activeSeats(): { code: string; seat: string; member: boolean; checkedIn: boolean }[] {
    return this.sql
      .exec<{ code: string; seat: string; member_id: string | null; checked_in_at: number | null }>(
        "SELECT code, seat, COALESCE(member_id, guest_of) AS member_id, checked_in_at FROM tickets WHERE status = 'active' ORDER BY claimed_at, code",
      )
      .toArray()
      .map((row) => ({ code: row.code, seat: row.seat, member: row.member_id !== null, checkedIn: row.checked_in_at !== null }));
  }

  counts(): { claimed: number; reserved: number; checkedIn: number } {
    const counts = this.sql
      .exec<{ claimed: number; reserved: number; checked_in: number }>(
        `SELECT
           COUNT(*) FILTER (WHERE member_id IS NOT NULL OR guest_of IS NOT NULL) AS claimed,
           COUNT(*) FILTER (WHERE member_id IS NULL AND guest_of IS NULL) AS reserved,
           COUNT(checked_in_at) AS checked_in
         FROM tickets WHERE status = 'active'`,
      )
      .one();
    return { claimed: counts.claimed, reserved: counts.reserved, checkedIn: counts.checked_in };
  }

  /** A union's active booked tickets (包场), in seat order. */
  bookedBy(union: string): TicketRecord[] {
    return this.sql
      .exec<TicketRow>(
        `SELECT * FROM tickets WHERE union_name = ? AND source = 'booking' AND status = 'active'
         ORDER BY CAST(seat AS INTEGER), CAST(substr(seat, instr(seat, '-') + 1) AS INTEGER)`,
        union,
      )
      .toArray()
      .map((row) => this.record(row));
  }

  /** Every ticket, in the order they were issued. */
  all(): TicketRecord[] {
    return this.sql.exec<TicketRow>('SELECT * FROM tickets ORDER BY claimed_at, code').toArray().map((row) => this.record(row));
  }

  /** Writes a new active ticket on a free seat, with a code no other ticket here has. */
  issue(seat: string, holder: { memberId?: string; union?: string; guestOf?: string; source: TicketSource }): TicketRecord {
    let code: string;
    do code = ticketCodeFromRandom(() => crypto.getRandomValues(new Uint8Array(16)));
    while (this.row(code));
    this.sql.exec(
      'INSERT INTO tickets (code, seat, member_id, union_name, guest_of, source, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      code,
      seat,
      holder.memberId ?? null,
      holder.union ?? null,
      holder.guestOf ?? null,
      holder.source,
      Date.now(),
    );
    this.occupancy.add(seat);
    return this.staged(code);
  }

  /** Remembers which ticket a claim's Idempotency-Key got, so a retry gets the same one. */
  recordKey(memberId: string, key: string, code: string): void {
    this.sql.exec('INSERT INTO idempotency (member_id, key, code) VALUES (?, ?, ?)', memberId, key, code);
    this.keys.add(memberKey(memberId, key));
  }

  cancel(code: string, now: number): TicketRecord {
    this.sql.exec("UPDATE tickets SET status = 'cancelled', cancelled_at = ? WHERE code = ?", now, code);
    const ticket = this.staged(code);
    this.occupancy.delete(ticket.seat);
    return ticket;
  }

  checkIn(code: string, now: number): TicketRecord {
    this.sql.exec('UPDATE tickets SET checked_in_at = ? WHERE code = ?', now, code);
    return this.staged(code);
  }

  /** Queues every ticket's KV keys again (a rebuild of the seat store). */
  restage(): number {
    const tickets = this.all();
    for (const ticket of tickets) this.stage(ticket);
    return tickets.length;
  }

  /** Deletes every ticket and idempotency record here and queues the deletion of their KV keys. */
  purge(): number {
    const tickets = this.all();
    for (const ticket of tickets) {
      this.outbox.delete(kvKey.ticket(ticket.code));
      if (ticket.memberId) this.outbox.delete(kvKey.memberTicket(ticket.memberId, ticket.screeningId));
    }
    this.sql.exec('DELETE FROM idempotency');
    this.sql.exec('DELETE FROM tickets');
    this.occupancy.reset([]);
    this.keys.clear();
    return tickets.length;
  }

  private row(code: string): TicketRow | undefined {
    return this.sql.exec<TicketRow>('SELECT * FROM tickets WHERE code = ?', code).toArray()[0];
  }

  /** The ticket as now stored, queued for KV. */
  private staged(code: string): TicketRecord {
    const ticket = this.record(this.row(code)!);
    this.stage(ticket);
    return ticket;
  }

  private stage(ticket: TicketRecord): void {
    this.outbox.put(kvKey.ticket(ticket.code), JSON.stringify(ticket));
    if (ticket.memberId) {
      const { code, seat, status, claimedAt, cancelledAt, checkedInAt } = ticket;
      const entry: MemberTicketEntry = { kind: 'ticket', code, seat, status, claimedAt, cancelledAt, checkedInAt };
      this.outbox.put(kvKey.memberTicket(ticket.memberId, ticket.screeningId), JSON.stringify(entry), entry);
    }
    this.outbox.touch();
  }

  private record(row: TicketRow): TicketRecord {
    const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
    return {
      code: row.code,
      screeningId: this.screeningId(),
      seat: row.seat,
      status: row.status as TicketRecord['status'],
      source: row.source as TicketSource,
      ...(row.member_id ? { memberId: row.member_id } : {}),
      ...(row.union_name ? { union: row.union_name } : {}),
      ...(row.guest_of ? { guestOf: row.guest_of } : {}),
      claimedAt: iso(row.claimed_at)!,
      ...(row.cancelled_at !== null ? { cancelledAt: iso(row.cancelled_at) } : {}),
      ...(row.checked_in_at !== null ? { checkedInAt: iso(row.checked_in_at) } : {}),
    };
  }
}
