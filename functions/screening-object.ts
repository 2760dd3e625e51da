import { DurableObject } from 'cloudflare:workers';
import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { decideClaim, type ClaimRefusal } from '../src/cinema/claim-decision.ts';
import { claimWindowState } from '../src/cinema/release-window.ts';
import { bestAvailableSeat, bestRowOf, hallSeats, releasableSeats, type Seat } from '../src/cinema/seat-map.ts';
import { ticketCodeFromRandom } from '../src/cinema/ticket-code.ts';
import type { Env } from './env.ts';
import { kvKey, type MemberTicketEntry, type SeatMapSnapshot, type TicketRecord, type TicketSource } from './seat-store.ts';

/** How often at most the seat-map snapshot (and every other KV key) is written. */
const FLUSH_INTERVAL_MS = 1_000;
const MAX_RETRY_DELAY_MS = 30_000;

interface TicketRow extends Record<string, SqlStorageValue> {
  code: string;
  seat: string;
  member_id: string | null;
  union_name: string | null;
  source: string;
  status: string;
  claimed_at: number;
  cancelled_at: number | null;
  checked_in_at: number | null;
}

export type ClaimOutcome =
  | { ok: true; ticket: TicketRecord; replayed: boolean }
  | { ok: false; refusal: ClaimRefusal; ticket?: TicketRecord; soldOut?: { issuedKeys: string[] } };

export type CancelOutcome =
  | { ok: true; ticket: TicketRecord; promoted?: TicketRecord }
  | { ok: false; refusal: { code: 'unknown_ticket' | 'already_cancelled' | 'window_closed' | 'already_checked_in' } };

export type WaitlistOutcome =
  | { ok: true; position: number }
  | { ok: false; refusal: { code: 'window_not_open' | 'window_closed' | 'screening_booked' | 'already_holds_ticket' | 'seats_available' } };

export type CheckInOutcome =
  | { ok: true; ticket: TicketRecord }
  | { ok: false; refusal: { code: 'unknown_ticket' | 'ticket_cancelled' }; ticket?: TicketRecord }
  | { ok: false; refusal: { code: 'already_checked_in'; checkedInAt: string }; ticket: TicketRecord };

export type BookingOutcome =
  | { ok: true; tickets: TicketRecord[] }
  | { ok: false; refusal: { code: 'seats_unavailable'; seats: string[] } | { code: 'window_closed' } };

export interface ScreeningStats {
  capacity: number;
  claimed: number;
  reserved: number;
  checkedIn: number;
  noShows: number;
  available: number;
  waitlist: number;
}

/**
 * One screening's seats. The only writer: every claim checks and writes in one synchronous SQLite
 * transaction, so two claims can never interleave. After each commit it queues KV writes in an
 * outbox, and an alarm writes them through at most once a second, retrying until KV has them.
 *
 * Callers pass the catalogue entry with every call; the object remembers it for its alarm.
 */
export class ScreeningObject extends DurableObject<Env> {
  /** Where write-through goes; tests swap in a failing store. */
  kv: Pick<KVNamespace, 'put' | 'delete'>;
  private readonly sql: SqlStorage;
  private screening?: CatalogueScreening;
  /** The catalogue entry as last stored, to notice a change with one comparison. */
  private screeningJson?: string;
  private seats: Seat[] = [];
  /** Seats members or unions could ever hold: when that many are taken, the screening is full. */
  private releasableCount = 0;
  private lastFlushAt = 0;
  /** An alarm is known to be pending: claims in the same second need not ask storage again. */
  private alarmPending = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.kv = env.SEATS;
    this.sql.exec(`
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
      CREATE TABLE IF NOT EXISTS waitlist (position INTEGER PRIMARY KEY AUTOINCREMENT, member_id TEXT NOT NULL UNIQUE, joined_at INTEGER NOT NULL);
      -- The latest value each KV key must get (NULL: delete it); a later change to a key replaces its row.
      CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, value TEXT, metadata TEXT, version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    const stored = this.meta('screening');
    if (stored) this.adopt(JSON.parse(stored), stored);
  }

  // ---- RPC surface -------------------------------------------------------------------------------

  async claim(screening: CatalogueScreening, request: { memberId: string; seat?: string; idempotencyKey?: string }): Promise<ClaimOutcome> {
    this.remember(screening);
    const outcome = this.ctx.storage.transactionSync((): ClaimOutcome => {
      if (request.idempotencyKey) {
        const prior = this.sql
          .exec<{ code: string }>('SELECT code FROM idempotency WHERE member_id = ? AND key = ?', request.memberId, request.idempotencyKey)
          .toArray()[0];
        if (prior) return { ok: true, ticket: this.record(this.ticketRow(prior.code)!), replayed: true };
      }
      const held = this.activeTicketOf(request.memberId);
      const taken = this.takenSeats();
      const decision = decideClaim({
        now: Date.now(),
        releaseAt: Date.parse(screening.releaseAt),
        closesAt: Date.parse(screening.closesAt),
        booked: Boolean(screening.booking),
        seats: this.seats,
        bestRow: bestRowOf(screening.hall),
        taken,
        holdsTicket: held !== undefined,
        seat: request.seat,
      });
      if (!decision.ok) {
        return {
          ok: false,
          refusal: decision.refusal,
          ...(held ? { ticket: this.record(held) } : {}),
          // Whatever the refusal, a full screening tells the Worker so: it then refuses later claims
          // itself and still lets retries of these keys through.
          ...(taken.size >= this.releasableCount ? { soldOut: { issuedKeys: this.issuedKeys() } } : {}),
        };
      }
      const ticket = this.issue(decision.seat.id, { memberId: request.memberId, source: 'claim' });
      if (request.idempotencyKey) {
        this.sql.exec('INSERT INTO idempotency (member_id, key, code) VALUES (?, ?, ?)', request.memberId, request.idempotencyKey, ticket.code);
      }
      this.sql.exec('DELETE FROM waitlist WHERE member_id = ?', request.memberId);
      return { ok: true, ticket, replayed: false };
    });
    if (outcome.ok && !outcome.replayed) await this.scheduleFlush();
    return outcome;
  }

  async cancel(screening: CatalogueScreening, request: { memberId: string; code: string }): Promise<CancelOutcome> {
    this.remember(screening);
    const outcome = this.ctx.storage.transactionSync((): CancelOutcome => {
      const row = this.ticketRow(request.code);
      // Someone else's ticket is as unknown to this member as a made-up code.
      if (!row || row.member_id !== request.memberId) return { ok: false, refusal: { code: 'unknown_ticket' } };
      if (row.status === 'cancelled') return { ok: false, refusal: { code: 'already_cancelled' } };
      if (row.checked_in_at !== null) return { ok: false, refusal: { code: 'already_checked_in' } };
      const now = Date.now();
      if (now >= Date.parse(screening.closesAt)) return { ok: false, refusal: { code: 'window_closed' } };
      this.sql.exec("UPDATE tickets SET status = 'cancelled', cancelled_at = ? WHERE code = ?", now, row.code);
      const ticket = this.record(this.ticketRow(row.code)!);
      this.stageTicket(ticket);
      const promoted = this.promoteFromWaitlist(row.seat);
      return { ok: true, ticket, ...(promoted ? { promoted } : {}) };
    });
    if (outcome.ok) await this.scheduleFlush();
    return outcome;
  }

  async joinWaitlist(screening: CatalogueScreening, request: { memberId: string }): Promise<WaitlistOutcome> {
    this.remember(screening);
    const outcome = this.ctx.storage.transactionSync((): WaitlistOutcome => {
      const window = claimWindowState(Date.now(), { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
      if (window !== 'open') return { ok: false, refusal: { code: window === 'not_open' ? 'window_not_open' : 'window_closed' } };
      if (screening.booking) return { ok: false, refusal: { code: 'screening_booked' } };
      if (this.activeTicketOf(request.memberId)) return { ok: false, refusal: { code: 'already_holds_ticket' } };
      if (bestAvailableSeat(this.seats, this.takenSeats(), bestRowOf(screening.hall))) return { ok: false, refusal: { code: 'seats_available' } };
      const now = Date.now();
      this.sql.exec('INSERT INTO waitlist (member_id, joined_at) VALUES (?, ?) ON CONFLICT(member_id) DO NOTHING', request.memberId, now);
      this.stageMemberEntry(request.memberId, { kind: 'waitlist', joinedAt: new Date(now).toISOString() });
      this.touch();
      return { ok: true, position: this.waitlistPosition(request.memberId) };
    });
    if (outcome.ok) await this.scheduleFlush();
    return outcome;
  }

  async leaveWaitlist(screening: CatalogueScreening, request: { memberId: string }): Promise<{ ok: boolean }> {
    this.remember(screening);
    const left = this.ctx.storage.transactionSync(() => {
      const removed = this.sql.exec('DELETE FROM waitlist WHERE member_id = ?', request.memberId).rowsWritten > 0;
      if (removed) {
        this.stageDelete(kvKey.memberTicket(request.memberId, screening.id));
        this.touch();
      }
      return removed;
    });
    if (left) await this.scheduleFlush();
    return { ok: left };
  }

  async checkIn(screening: CatalogueScreening, request: { code: string }): Promise<CheckInOutcome> {
    this.remember(screening);
    const outcome = this.ctx.storage.transactionSync((): CheckInOutcome => {
      const row = this.ticketRow(request.code);
      if (!row) return { ok: false, refusal: { code: 'unknown_ticket' } };
      const ticket = this.record(row);
      if (row.status === 'cancelled') return { ok: false, refusal: { code: 'ticket_cancelled' }, ticket };
      if (row.checked_in_at !== null) {
        return { ok: false, refusal: { code: 'already_checked_in', checkedInAt: new Date(row.checked_in_at).toISOString() }, ticket };
      }
      this.sql.exec('UPDATE tickets SET checked_in_at = ? WHERE code = ?', Date.now(), row.code);
      const checkedIn = this.record(this.ticketRow(row.code)!);
      this.stageTicket(checkedIn);
      return { ok: true, ticket: checkedIn };
    });
    if (outcome.ok) await this.scheduleFlush();
    return outcome;
  }

  /** Reserves seats for a grassroots union (基层工会包场): the listed seats, or every free seat. All or nothing. */
  async book(screening: CatalogueScreening, request: { union: string; seats?: string[] }): Promise<BookingOutcome> {
    this.remember(screening);
    const outcome = this.ctx.storage.transactionSync((): BookingOutcome => {
      if (Date.now() >= Date.parse(screening.closesAt)) return { ok: false, refusal: { code: 'window_closed' } };
      const taken = this.takenSeats();
      const releasable = new Map(releasableSeats(this.seats).map((seat) => [seat.id, seat]));
      const wanted = request.seats ?? [...releasable.keys()].filter((id) => !taken.has(id));
      const unavailable = wanted.filter((id) => !releasable.has(id) || taken.has(id));
      if (unavailable.length > 0 || wanted.length === 0) return { ok: false, refusal: { code: 'seats_unavailable', seats: unavailable } };
      return { ok: true, tickets: wanted.map((seat) => this.issue(seat, { union: request.union, source: 'booking' })) };
    });
    if (outcome.ok) await this.scheduleFlush();
    return outcome;
  }

  /**
   * Cancels a union's booking: all its seats, or the listed ones (all or nothing). Each freed seat goes
   * to the waitlist first, as when a member cancels; closed claims and checked-in seats are refused.
   */
  async cancelBooking(
    screening: CatalogueScreening,
    request: { union: string; seats?: string[] },
  ): Promise<
    | { ok: true; released: TicketRecord[]; promoted: TicketRecord[] }
    | { ok: false; refusal: { code: 'window_closed' } | { code: 'booking_not_found' | 'already_checked_in'; seats: string[] } }
  > {
    this.remember(screening);
    const outcome = this.ctx.storage.transactionSync((): Awaited<ReturnType<ScreeningObject['cancelBooking']>> => {
      const now = Date.now();
      if (now >= Date.parse(screening.closesAt)) return { ok: false, refusal: { code: 'window_closed' } };
      const booked = this.sql
        .exec<TicketRow>(
          `SELECT * FROM tickets WHERE union_name = ? AND source = 'booking' AND status = 'active'
           ORDER BY CAST(seat AS INTEGER), CAST(substr(seat, instr(seat, '-') + 1) AS INTEGER)`,
          request.union,
        )
        .toArray();
      const chosen = request.seats ? booked.filter((row) => request.seats!.includes(row.seat)) : booked;
      const notBooked = request.seats?.filter((seat) => !booked.some((row) => row.seat === seat)) ?? [];
      if (chosen.length === 0 || notBooked.length > 0) return { ok: false, refusal: { code: 'booking_not_found', seats: notBooked } };
      const inside = chosen.filter((row) => row.checked_in_at !== null).map((row) => row.seat);
      if (inside.length > 0) return { ok: false, refusal: { code: 'already_checked_in', seats: inside } };
      const released: TicketRecord[] = [];
      const promoted: TicketRecord[] = [];
      for (const row of chosen) {
        this.sql.exec("UPDATE tickets SET status = 'cancelled', cancelled_at = ? WHERE code = ?", now, row.code);
        const ticket = this.record(this.ticketRow(row.code)!);
        this.stageTicket(ticket);
        released.push(ticket);
        const next = this.promoteFromWaitlist(row.seat);
        if (next) promoted.push(next);
      }
      return { ok: true, released, promoted };
    });
    if (outcome.ok) await this.scheduleFlush();
    return outcome;
  }

  async stats(screening: CatalogueScreening): Promise<ScreeningStats> {
    this.remember(screening);
    const counts = this.sql
      .exec<{ claimed: number; reserved: number; checked_in: number }>(
        `SELECT
           COUNT(*) FILTER (WHERE member_id IS NOT NULL) AS claimed,
           COUNT(*) FILTER (WHERE member_id IS NULL) AS reserved,
           COUNT(checked_in_at) AS checked_in
         FROM tickets WHERE status = 'active'`,
      )
      .one();
    const snapshot = this.snapshot(screening, 0);
    const started = Date.now() >= Date.parse(screening.startsAt);
    const holders = counts.claimed + counts.reserved;
    return {
      capacity: snapshot.capacity,
      claimed: counts.claimed,
      reserved: screening.booking ? snapshot.capacity : counts.reserved,
      checkedIn: counts.checked_in,
      noShows: started ? holders - counts.checked_in : 0,
      available: snapshot.available,
      waitlist: snapshot.waitlist,
    };
  }

  /** Every ticket, for the attendance export. */
  async tickets(screening: CatalogueScreening): Promise<TicketRecord[]> {
    this.remember(screening);
    return this.sql.exec<TicketRow>('SELECT * FROM tickets ORDER BY claimed_at, code').toArray().map((row) => this.record(row));
  }

  /** The authoritative seat map, for operators and for checking KV against it. */
  async seatMap(screening: CatalogueScreening): Promise<SeatMapSnapshot> {
    this.remember(screening);
    return this.snapshot(screening, this.stateVersion());
  }

  /** Queues every KV key again, for rebuilding the seat store from this object's state. */
  async rebuildSeatStore(screening: CatalogueScreening): Promise<{ queued: number }> {
    this.remember(screening);
    const queued = this.ctx.storage.transactionSync(() => {
      const rows = this.sql.exec<TicketRow>('SELECT * FROM tickets').toArray();
      for (const row of rows) this.stageTicket(this.record(row));
      for (const { member_id, joined_at } of this.sql.exec<{ member_id: string; joined_at: number }>('SELECT member_id, joined_at FROM waitlist')) {
        this.stageMemberEntry(member_id, { kind: 'waitlist', joinedAt: new Date(joined_at).toISOString() });
      }
      this.setMeta('snapshot_version', '-1');
      return rows.length;
    });
    await this.scheduleFlush();
    return { queued };
  }

  /**
   * Deletes the screening's personal data once it is over (the retention rule in docs/security.md):
   * tickets, waitlist and idempotency records here and their KV keys. The seat-map snapshot stays: it
   * holds only seat ids and counts, which the program's totals (人次) are made of.
   */
  async purge(screening: CatalogueScreening): Promise<{ ok: true; tickets: number } | { ok: false; refusal: { code: 'screening_not_over' } }> {
    this.remember(screening);
    const end = Date.parse(screening.startsAt) + screening.film.runtimeMinutes * 60_000;
    if (Date.now() < end) return { ok: false, refusal: { code: 'screening_not_over' } };
    const tickets = this.ctx.storage.transactionSync(() => {
      // Freeze the seat map first: its counts (人次) outlive the tickets they were made of.
      this.setMeta('frozen_snapshot', JSON.stringify(this.snapshot(screening, 0)));
      const rows = this.sql.exec<TicketRow>('SELECT * FROM tickets').toArray();
      for (const row of rows) {
        this.stageDelete(kvKey.ticket(row.code));
        if (row.member_id) this.stageDelete(kvKey.memberTicket(row.member_id, screening.id));
      }
      for (const { member_id } of this.sql.exec<{ member_id: string }>('SELECT member_id FROM waitlist').toArray()) {
        this.stageDelete(kvKey.memberTicket(member_id, screening.id));
      }
      this.sql.exec('DELETE FROM idempotency');
      this.sql.exec('DELETE FROM waitlist');
      this.sql.exec('DELETE FROM tickets');
      this.setMeta('purged_at', new Date().toISOString());
      this.touch();
      return rows.length;
    });
    await this.scheduleFlush();
    return { ok: true, tickets };
  }

  /** Writes the outbox and the seat-map snapshot through to KV; reschedules itself until KV has it all. */
  override async alarm(): Promise<void> {
    this.alarmPending = false;
    const ok = await this.flush();
    const failures = ok ? 0 : Number(this.meta('flush_failures') ?? '0') + 1;
    this.setMeta('flush_failures', String(failures));
    if (!ok) {
      await this.ctx.storage.setAlarm(Date.now() + Math.min(MAX_RETRY_DELAY_MS, FLUSH_INTERVAL_MS * 2 ** failures));
    } else if (this.pendingWrites()) {
      await this.ctx.storage.setAlarm(this.lastFlushAt + FLUSH_INTERVAL_MS);
    }
  }

  /** Whether everything committed has reached KV. */
  async synced(): Promise<boolean> {
    return !this.pendingWrites();
  }

  // ---- state -------------------------------------------------------------------------------------

  private adopt(screening: CatalogueScreening, json = JSON.stringify(screening)): void {
    this.screening = screening;
    this.screeningJson = json;
    this.seats = hallSeats(screening.hall);
    this.releasableCount = releasableSeats(this.seats).length;
  }

  private remember(screening: CatalogueScreening): void {
    const json = JSON.stringify(screening);
    if (json === this.screeningJson) return;
    this.adopt(screening, json);
    this.setMeta('screening', json);
  }

  private meta(key: string): string | undefined {
    return this.sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray()[0]?.value;
  }

  private setMeta(key: string, value: string): void {
    this.sql.exec('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value);
  }

  private stateVersion(): number {
    return Number(this.meta('state_version') ?? '0');
  }

  /** Marks the seat map as changed: the next flush writes a new snapshot. */
  private touch(): void {
    this.setMeta('state_version', String(this.stateVersion() + 1));
  }

  private ticketRow(code: string): TicketRow | undefined {
    return this.sql.exec<TicketRow>('SELECT * FROM tickets WHERE code = ?', code).toArray()[0];
  }

  private activeTicketOf(memberId: string): TicketRow | undefined {
    return this.sql.exec<TicketRow>("SELECT * FROM tickets WHERE member_id = ? AND status = 'active'", memberId).toArray()[0];
  }

  /** The Idempotency-Keys of every claim that got a ticket here. */
  private issuedKeys(): string[] {
    return this.sql.exec<{ key: string }>('SELECT DISTINCT key FROM idempotency').toArray().map((row) => row.key);
  }

  private takenSeats(): Set<string> {
    return new Set(this.sql.exec<{ seat: string }>("SELECT seat FROM tickets WHERE status = 'active'").toArray().map((r) => r.seat));
  }

  private waitlistPosition(memberId: string): number {
    return this.sql
      .exec<{ n: number }>('SELECT COUNT(*) AS n FROM waitlist WHERE position <= (SELECT position FROM waitlist WHERE member_id = ?)', memberId)
      .one().n;
  }

  private record(row: TicketRow): TicketRecord {
    const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
    return {
      code: row.code,
      screeningId: this.screening!.id,
      seat: row.seat,
      status: row.status as TicketRecord['status'],
      source: row.source as TicketSource,
      ...(row.member_id ? { memberId: row.member_id } : {}),
      ...(row.union_name ? { union: row.union_name } : {}),
      claimedAt: iso(row.claimed_at)!,
      ...(row.cancelled_at !== null ? { cancelledAt: iso(row.cancelled_at) } : {}),
      ...(row.checked_in_at !== null ? { checkedInAt: iso(row.checked_in_at) } : {}),
    };
  }

  /** Writes a new active ticket on a free seat, with a code no other ticket here has. */
  private issue(seat: string, holder: { memberId?: string; union?: string; source: TicketSource }): TicketRecord {
    let code: string;
    do code = ticketCodeFromRandom(() => crypto.getRandomValues(new Uint8Array(16)));
    while (this.ticketRow(code));
    this.sql.exec(
      'INSERT INTO tickets (code, seat, member_id, union_name, source, claimed_at) VALUES (?, ?, ?, ?, ?, ?)',
      code,
      seat,
      holder.memberId ?? null,
      holder.union ?? null,
      holder.source,
      Date.now(),
    );
    const ticket = this.record(this.ticketRow(code)!);
    this.stageTicket(ticket);
    return ticket;
  }

  /** Gives a freed seat to the first member on the waitlist who holds no ticket. */
  private promoteFromWaitlist(seat: string): TicketRecord | undefined {
    for (const { member_id } of this.sql.exec<{ member_id: string }>('SELECT member_id FROM waitlist ORDER BY position').toArray()) {
      this.sql.exec('DELETE FROM waitlist WHERE member_id = ?', member_id);
      if (!this.activeTicketOf(member_id)) return this.issue(seat, { memberId: member_id, source: 'waitlist' });
    }
    return undefined;
  }

  // ---- write-through -----------------------------------------------------------------------------

  private stage(key: string, value: string | null, metadata?: unknown): void {
    this.sql.exec(
      `INSERT INTO outbox (key, value, metadata, version) VALUES (?, ?, ?, 1)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, metadata = excluded.metadata, version = outbox.version + 1`,
      key,
      value,
      metadata === undefined ? null : JSON.stringify(metadata),
    );
  }

  private stageDelete(key: string): void {
    this.stage(key, null);
  }

  private stageMemberEntry(memberId: string, entry: MemberTicketEntry): void {
    this.stage(kvKey.memberTicket(memberId, this.screening!.id), JSON.stringify(entry), entry);
  }

  private stageTicket(ticket: TicketRecord): void {
    this.stage(kvKey.ticket(ticket.code), JSON.stringify(ticket));
    if (ticket.memberId) {
      this.stageMemberEntry(ticket.memberId, { kind: 'ticket', code: ticket.code, seat: ticket.seat, status: ticket.status });
    }
    this.touch();
  }

  private snapshot(screening: CatalogueScreening, version: number): SeatMapSnapshot {
    const frozen = this.meta('frozen_snapshot');
    if (frozen) return { ...(JSON.parse(frozen) as SeatMapSnapshot), version, updatedAt: new Date().toISOString() };
    const releasable = releasableSeats(this.seats);
    const held: SeatMapSnapshot['held'] = {};
    if (screening.booking) for (const seat of releasable) held[seat.id] = 'r';
    const rows = this.sql.exec<{ seat: string; member_id: string | null; checked_in_at: number | null }>(
      "SELECT seat, member_id, checked_in_at FROM tickets WHERE status = 'active'",
    );
    let checkedIn = 0;
    for (const row of rows) {
      held[row.seat] = row.member_id ? 't' : 'r';
      if (row.checked_in_at !== null) checkedIn++;
    }
    return {
      screeningId: screening.id,
      version,
      updatedAt: new Date().toISOString(),
      capacity: releasable.length,
      available: releasable.length - Object.keys(held).length,
      held,
      checkedIn,
      waitlist: this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM waitlist').one().n,
    };
  }

  private pendingWrites(): boolean {
    const outbox = this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM outbox').one().n;
    return outbox > 0 || this.stateVersion() !== Number(this.meta('snapshot_version') ?? '0');
  }

  /** Sets the alarm after a commit, no sooner than a second after the last flush. */
  private async scheduleFlush(): Promise<void> {
    if (this.alarmPending || (await this.ctx.storage.getAlarm()) !== null) return;
    this.alarmPending = true;
    await this.ctx.storage.setAlarm(Math.max(Date.now(), this.lastFlushAt + FLUSH_INTERVAL_MS));
  }

  private async flush(): Promise<boolean> {
    if (!this.screening) return true;
    this.lastFlushAt = Date.now();
    const rows = this.sql.exec<{ key: string; value: string | null; metadata: string | null; version: number }>('SELECT * FROM outbox').toArray();
    const version = this.stateVersion();
    const snapshot = version !== Number(this.meta('snapshot_version') ?? '0') ? this.snapshot(this.screening, version) : undefined;
    const writes = rows.map(async (row) => {
      if (row.value === null) await this.kv.delete(row.key);
      else await this.kv.put(row.key, row.value, row.metadata === null ? undefined : { metadata: JSON.parse(row.metadata) });
      // A newer change to the same key stays queued for the next flush.
      this.sql.exec('DELETE FROM outbox WHERE key = ? AND version = ?', row.key, row.version);
    });
    if (snapshot) {
      writes.push(
        this.kv.put(kvKey.seatMap(snapshot.screeningId), JSON.stringify(snapshot)).then(() => this.setMeta('snapshot_version', String(version))),
      );
    }
    const results = await Promise.allSettled(writes);
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) console.error(`screening ${this.screening.id}: ${failed.length} KV writes failed, retrying`);
    return failed.length === 0;
  }
}
