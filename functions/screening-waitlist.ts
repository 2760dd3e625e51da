import type { KvOutbox } from './kv-outbox.ts';
import { kvKey, type MemberTicketEntry } from './seat-store.ts';

/** Members waiting for a seat at a sold-out screening, first come first served, mirrored to KV. */
export class ScreeningWaitlist {
  constructor(
    private readonly sql: SqlStorage,
    private readonly outbox: KvOutbox,
    private readonly screeningId: () => string,
  ) {
    sql.exec('CREATE TABLE IF NOT EXISTS waitlist (position INTEGER PRIMARY KEY AUTOINCREMENT, member_id TEXT NOT NULL UNIQUE, joined_at INTEGER NOT NULL)');
  }

  /** Adds the member (once) and returns their place in the queue. */
  join(memberId: string, now: number): number {
    this.sql.exec('INSERT INTO waitlist (member_id, joined_at) VALUES (?, ?) ON CONFLICT(member_id) DO NOTHING', memberId, now);
    this.stage(memberId, now);
    this.outbox.touch();
    return this.sql
      .exec<{ n: number }>('SELECT COUNT(*) AS n FROM waitlist WHERE position <= (SELECT position FROM waitlist WHERE member_id = ?)', memberId)
      .one().n;
  }

  /** Adds the member (once) without counting their place: the noon queue adds thousands in one transaction. */
  add(memberId: string, now: number): void {
    this.sql.exec('INSERT INTO waitlist (member_id, joined_at) VALUES (?, ?) ON CONFLICT(member_id) DO NOTHING', memberId, now);
    this.stage(memberId, now);
    this.outbox.touch();
  }

  /** Takes the member off the queue and their place off KV; whether they were on it. */
  leave(memberId: string): boolean {
    const removed = this.remove(memberId);
    if (removed) {
      this.outbox.delete(kvKey.memberTicket(memberId, this.screeningId()));
      this.outbox.touch();
    }
    return removed;
  }

  /** Takes the member off the queue, leaving KV to whatever replaces their entry (a ticket). */
  remove(memberId: string): boolean {
    return this.sql.exec('DELETE FROM waitlist WHERE member_id = ?', memberId).rowsWritten > 0;
  }

  /** Members in queue order. */
  members(): string[] {
    return this.sql.exec<{ member_id: string }>('SELECT member_id FROM waitlist ORDER BY position').toArray().map((row) => row.member_id);
  }

  /** The queue in order, with when each member joined, for the staff export. */
  entries(): { position: number; memberId: string; joinedAt: string }[] {
    return this.sql
      .exec<{ member_id: string; joined_at: number }>('SELECT member_id, joined_at FROM waitlist ORDER BY position')
      .toArray()
      .map((row, i) => ({ position: i + 1, memberId: row.member_id, joinedAt: new Date(row.joined_at).toISOString() }));
  }

  size(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM waitlist').one().n;
  }

  /** Queues every place's KV key again (a rebuild of the seat store). */
  restage(): void {
    for (const { member_id, joined_at } of this.sql.exec<{ member_id: string; joined_at: number }>('SELECT member_id, joined_at FROM waitlist')) {
      this.stage(member_id, joined_at);
    }
  }

  /** Empties the queue and queues the deletion of its KV keys. */
  purge(): void {
    for (const memberId of this.members()) this.outbox.delete(kvKey.memberTicket(memberId, this.screeningId()));
    this.sql.exec('DELETE FROM waitlist');
  }

  private stage(memberId: string, joinedAt: number): void {
    const entry: MemberTicketEntry = { kind: 'waitlist', joinedAt: new Date(joinedAt).toISOString() };
    this.outbox.put(kvKey.memberTicket(memberId, this.screeningId()), JSON.stringify(entry), entry);
  }
}
