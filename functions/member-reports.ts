import { isNoShow, type MemberReport } from '../src/cinema/member-standing.ts';
import type { ObjectMeta } from './object-meta.ts';
import type { TicketRecord } from './seat-store.ts';

/** What delivery needs of a member's standing object (functions/member-standing.ts). */
export type StandingRecorder = (memberId: string) => { record(reports: MemberReport[]): Promise<void> };

interface ReportRow extends Record<string, SqlStorageValue> {
  member_id: string;
  screening_id: string;
  kind: MemberReport['kind'];
  at: number;
}

/** Members' objects called per delivery run: a Worker invocation may make 1,000 subrequests, KV writes included. */
export const REPORTS_PER_RUN = 200;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 30 * 60_000;

/**
 * The screening object's outbox of reports to members' standing objects: no-shows, late cancels and (from
 * the lottery) draw results. A report is queued in the same transaction as what it reports, so it is never
 * lost, and taken off only once the member's object took it; the object's alarm delivers (`deliver`) and
 * retries with back-off. Members' objects keep each (screening, kind) once, so a report delivered twice
 * (an alarm cut short after the call) counts once.
 *
 * No-shows are queued once (`reportNoShows`, guarded by `no_shows_reported_at` in the same transaction):
 * by the alarm at the screening's end plus the grace for offline doors, or by the purge if it comes first.
 */
export class MemberReports {
  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: ObjectMeta,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS member_reports (member_id TEXT NOT NULL, screening_id TEXT NOT NULL, kind TEXT NOT NULL,
      at INTEGER NOT NULL, PRIMARY KEY (member_id, screening_id, kind))`);
  }

  /** Queues a report, inside the caller's transaction; the same (member, screening, kind) queued twice is one report. */
  enqueue(memberId: string, report: { screeningId: string; kind: MemberReport['kind']; at: number }): void {
    this.sql.exec(
      'INSERT INTO member_reports (member_id, screening_id, kind, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      memberId,
      report.screeningId,
      report.kind,
      report.at,
    );
  }

  noShowsReported(): boolean {
    return this.meta.get('no_shows_reported_at') !== undefined;
  }

  /**
   * Inside the caller's transaction, once: a no-show for every member's ticket still active and not
   * checked in by 15 minutes after the start (by the door's own check-in time, an offline one synced late
   * included). Union seats (包场) have no member and cancelled tickets are not held, so neither strikes anyone.
   */
  reportNoShows(tickets: readonly TicketRecord[], screening: { id: string; startsAt: string }, now: number): number {
    if (this.noShowsReported()) return 0;
    const startsAt = Date.parse(screening.startsAt);
    // A lottery pair's guest seat counts against the member who brought the guest (guestOf), like their own.
    const absent = tickets.filter(
      (ticket) => (ticket.memberId ?? ticket.guestOf) && ticket.status === 'active' && isNoShow(ticket.checkedInAt === undefined ? undefined : Date.parse(ticket.checkedInAt), startsAt),
    );
    for (const ticket of absent) this.enqueue((ticket.memberId ?? ticket.guestOf)!, { screeningId: screening.id, kind: 'no_show', at: startsAt });
    this.meta.set('no_shows_reported_at', String(now));
    return absent.length;
  }

  pending(): boolean {
    return this.sql.exec('SELECT 1 FROM member_reports LIMIT 1').toArray().length > 0;
  }

  /**
   * Delivers queued reports, up to REPORTS_PER_RUN members, each member's in one call; takes off what was
   * taken. Answers when to run again: now for more, later (back-off) after a failure, undefined when done.
   */
  async deliver(standingOf: StandingRecorder, now: number): Promise<number | undefined> {
    const members = this.sql
      .exec<{ member_id: string }>('SELECT DISTINCT member_id FROM member_reports ORDER BY member_id LIMIT ?', REPORTS_PER_RUN)
      .toArray()
      .map((row) => row.member_id);
    const results = await Promise.allSettled(
      members.map(async (memberId) => {
        const rows = this.sql.exec<ReportRow>('SELECT * FROM member_reports WHERE member_id = ?', memberId).toArray();
        await standingOf(memberId).record(rows.map((row) => ({ screeningId: row.screening_id, kind: row.kind, at: new Date(row.at).toISOString() })));
        for (const row of rows) this.sql.exec('DELETE FROM member_reports WHERE member_id = ? AND screening_id = ? AND kind = ?', memberId, row.screening_id, row.kind);
      }),
    );
    const failed = results.filter((result) => result.status === 'rejected').length;
    if (failed > 0) {
      const failures = Number(this.meta.get('member_reports_failures') ?? '0') + 1;
      this.meta.set('member_reports_failures', String(failures));
      console.error(`member reports: ${failed} of ${members.length} members' objects did not take them, retrying`);
      return now + Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
    }
    this.meta.delete('member_reports_failures');
    return this.pending() ? now : undefined;
  }
}
