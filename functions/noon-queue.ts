import { allocateInOrder, newSeed, seedCommitment, shuffledOrder, type QueueEntry } from '../src/cinema/noon-queue.ts';
import type { Seat } from '../src/cinema/seat-map.ts';
import type { ObjectMeta } from './object-meta.ts';
import type { ScreeningWaitlist } from './screening-waitlist.ts';
import type { TicketLedger } from './ticket-ledger.ts';

interface QueueRow extends Record<string, SqlStorageValue> {
  member_id: string;
  preferred_seat: string | null;
  joined_at: number;
  ticket_code: string | null;
  waitlisted: number;
}

/** What the queue holds for one member: nothing, a place (no position: the order is drawn at release), or the outcome. */
export type QueueEntryState =
  | { state: 'none' }
  | { state: 'queued'; preferredSeat?: string; joinedAt: string }
  | { state: 'seated'; ticketCode: string; preferredSeat?: string }
  | { state: 'waitlisted'; preferredSeat?: string };

/**
 * A screening's noon queue in the object's SQLite (src/cinema/noon-queue.ts has the rules): one place
 * per member in join order, the seed and its commitment (meta), and, once resolved, each member's
 * outcome. Resolution is one synchronous transaction guarded by `noon_queue_resolved_at`, so an alarm
 * retried, a claim racing the alarm, or a restart mid-resolution resolves it exactly once: a transaction
 * cut short leaves nothing and is run again.
 */
export class NoonQueue {
  /** Places taken and the queue not yet resolved: claims must wait for the resolution. Kept in memory for the claim path. */
  private pending: boolean;

  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: ObjectMeta,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS noon_queue (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      member_id TEXT NOT NULL UNIQUE,
      preferred_seat TEXT,
      joined_at INTEGER NOT NULL,
      ticket_code TEXT,
      waitlisted INTEGER NOT NULL DEFAULT 0
    )`);
    this.pending = this.computePending();
  }

  /** Whether places are taken and not yet resolved. */
  isPending(): boolean {
    return this.pending;
  }

  isResolved(): boolean {
    return this.meta.get('noon_queue_resolved_at') !== undefined;
  }

  /** The seed's commitment (published while open) and the seed (only once resolved). */
  published(): { commitment?: string; seed?: string; entries: number; resolvedAt?: string } {
    const resolvedAt = this.meta.get('noon_queue_resolved_at');
    return {
      commitment: this.meta.get('noon_queue_commitment'),
      ...(resolvedAt ? { seed: this.meta.get('noon_queue_seed'), resolvedAt: new Date(Number(resolvedAt)).toISOString() } : {}),
      entries: this.size(),
    };
  }

  /** A fresh seed and its commitment, made outside the transaction (hashing is async); `commitSeed` keeps the first. */
  static async drawSeed(): Promise<{ seed: string; commitment: string }> {
    const seed = newSeed();
    return { seed, commitment: await seedCommitment(seed) };
  }

  commitment(): string | undefined {
    return this.meta.get('noon_queue_commitment');
  }

  hasSeed(): boolean {
    return this.meta.get('noon_queue_seed') !== undefined;
  }

  commitSeed(drawn: { seed: string; commitment: string }): void {
    if (this.hasSeed()) return;
    this.meta.set('noon_queue_seed', drawn.seed);
    this.meta.set('noon_queue_commitment', drawn.commitment);
  }

  /** Takes a place, or changes the preferred seat of the member's place (it keeps its join time). */
  join(memberId: string, preferredSeat: string | undefined, now: number): void {
    this.sql.exec(
      `INSERT INTO noon_queue (member_id, preferred_seat, joined_at) VALUES (?, ?, ?)
       ON CONFLICT(member_id) DO UPDATE SET preferred_seat = excluded.preferred_seat`,
      memberId,
      preferredSeat ?? null,
      now,
    );
    this.pending = true;
  }

  leave(memberId: string): boolean {
    const left = this.sql.exec('DELETE FROM noon_queue WHERE member_id = ?', memberId).rowsWritten > 0;
    this.pending = this.computePending();
    return left;
  }

  entryOf(memberId: string): QueueEntryState {
    const row = this.sql.exec<QueueRow>('SELECT * FROM noon_queue WHERE member_id = ?', memberId).toArray()[0];
    if (!row) return { state: 'none' };
    const preferred = row.preferred_seat === null ? {} : { preferredSeat: row.preferred_seat };
    if (row.ticket_code !== null) return { state: 'seated', ticketCode: row.ticket_code, ...preferred };
    if (row.waitlisted) return { state: 'waitlisted', ...preferred };
    return { state: 'queued', ...preferred, joinedAt: new Date(row.joined_at).toISOString() };
  }

  /** The places in join order: the input of the shuffle. */
  entries(): QueueEntry[] {
    return this.sql
      .exec<QueueRow>('SELECT * FROM noon_queue ORDER BY position')
      .toArray()
      .map((row) => ({ memberId: row.member_id, ...(row.preferred_seat === null ? {} : { preferredSeat: row.preferred_seat }) }));
  }

  /** The shuffled order from the committed seed (async: call before the transaction that resolves). */
  async order(): Promise<QueueEntry[]> {
    return shuffledOrder(this.entries(), this.meta.get('noon_queue_seed')!);
  }

  /**
   * Seats the queue in `order` (from `order()`), inside the caller's transaction: tickets for as many as
   * there are seats, the rest onto the waitlist in the same order. Does nothing if already resolved.
   * Members who hold a ticket already are passed over (one seat per member).
   */
  resolve(
    order: readonly QueueEntry[],
    { ledger, waitlist, seats, bestRow, now }: { ledger: TicketLedger; waitlist: ScreeningWaitlist; seats: readonly Seat[]; bestRow: number; now: number },
  ): { seated: number; waitlisted: number } {
    if (this.isResolved()) return { seated: 0, waitlisted: 0 };
    const eligible = order.filter((entry) => !ledger.activeTicketOf(entry.memberId));
    let seated = 0;
    for (const { memberId, seat } of allocateInOrder(eligible, { seats, bestRow, taken: ledger.takenSeats() })) {
      if (seat) {
        const ticket = ledger.issue(seat, { memberId, source: 'queue' });
        this.sql.exec('UPDATE noon_queue SET ticket_code = ? WHERE member_id = ?', ticket.code, memberId);
        seated++;
      } else {
        waitlist.add(memberId, now);
        this.sql.exec('UPDATE noon_queue SET waitlisted = 1 WHERE member_id = ?', memberId);
      }
    }
    this.meta.set('noon_queue_resolved_at', String(now));
    this.pending = false;
    return { seated, waitlisted: eligible.length - seated };
  }

  /** After a transaction that threw: the memory read again from SQLite. */
  reload(): void {
    this.pending = this.computePending();
  }

  /** Deletes the places (personal data) once the screening is over; the seed and commitment stay public. */
  purge(): void {
    this.sql.exec('DELETE FROM noon_queue');
    this.pending = false;
  }

  size(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM noon_queue').one().n;
  }

  private computePending(): boolean {
    return !this.isResolved() && this.size() > 0;
  }
}
