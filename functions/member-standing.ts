import { DurableObject } from 'cloudflare:workers';
import { lotteryWeight } from '../src/cinema/lottery-weight.ts';
import { memberStanding, type MemberReport, type Standing, type StrikeKind } from '../src/cinema/member-standing.ts';
import type { Env } from './env.ts';

export type { MemberReport } from '../src/cinema/member-standing.ts';

/** What a member (and staff) see of a member's standing: strikes, points, any suspension, the next draw's weight. */
export type MemberStandingView = Standing & { lotteryWeight: number };

export type ClearStrikeOutcome = { ok: true; standing: MemberStandingView } | { ok: false; refusal: { code: 'strike_not_found' } };

interface ReportRow extends Record<string, SqlStorageValue> {
  screening_id: string;
  kind: MemberReport['kind'];
  at: number;
  recorded_at: number;
  cleared_at: number | null;
  cleared_by: string | null;
  cleared_reason: string | null;
}

/** Strikes and draws older than this are forgotten (a strike counts 90 days; a year keeps the history staff may ask about). */
const KEEP_MS = 366 * 86_400_000;
/** Draw results kept past KEEP_MS anyway: the weight needs only the streak since the last win, capped at 4. */
const KEEP_DRAWS = 8;

/**
 * One member's standing (idFromName(memberId)): the strikes and lottery results screening objects report,
 * each kept once per (screening, kind) so a retried report changes nothing. The rules are pure
 * (src/cinema/member-standing.ts, lottery-weight.ts); this object stores the records and applies them.
 * One object per member: a claim asks only its own member's object, so standing checks never queue
 * behind each other (docs/security.md › Member standing).
 */
export class MemberStanding extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS reports (
      screening_id TEXT NOT NULL, kind TEXT NOT NULL, at INTEGER NOT NULL, recorded_at INTEGER NOT NULL,
      cleared_at INTEGER, cleared_by TEXT, cleared_reason TEXT, PRIMARY KEY (screening_id, kind))`);
  }

  // ---- RPC surface -------------------------------------------------------------------------------

  /** Takes reports from a screening's object. Idempotent per (screeningId, kind): the first report stays, cleared or not. */
  async record(reports: MemberReport[]): Promise<void> {
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      for (const report of reports) {
        this.sql.exec(
          'INSERT INTO reports (screening_id, kind, at, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
          report.screeningId,
          report.kind,
          Date.parse(report.at),
          now,
        );
      }
      this.sql.exec(
        `DELETE FROM reports WHERE at < ? AND NOT (kind IN ('lottery_won', 'lottery_lost') AND rowid IN
           (SELECT rowid FROM reports WHERE kind IN ('lottery_won', 'lottery_lost') ORDER BY at DESC LIMIT ?))`,
        now - KEEP_MS,
        KEEP_DRAWS,
      );
    });
  }

  async standing(now: number = Date.now()): Promise<MemberStandingView> {
    return this.view(now);
  }

  /** Only the suspension, for the claim path's check (requireGoodStanding). */
  async suspendedUntil(now: number = Date.now()): Promise<string | null> {
    return this.view(now).suspended?.until ?? null;
  }

  /** Staff take a strike back, with their name and a reason. Clearing one already cleared keeps the first clearing. */
  async clearStrike(request: { screeningId: string; kind: StrikeKind; by: string; reason: string }): Promise<ClearStrikeOutcome> {
    const now = Date.now();
    const found = this.sql.exec('SELECT 1 FROM reports WHERE screening_id = ? AND kind = ?', request.screeningId, request.kind).toArray().length > 0;
    if (!found) return { ok: false, refusal: { code: 'strike_not_found' } };
    this.sql.exec(
      'UPDATE reports SET cleared_at = ?, cleared_by = ?, cleared_reason = ? WHERE screening_id = ? AND kind = ? AND cleared_at IS NULL',
      now,
      request.by,
      request.reason,
      request.screeningId,
      request.kind,
    );
    return { ok: true, standing: this.view(now) };
  }

  // ---- internals ---------------------------------------------------------------------------------

  private view(now: number): MemberStandingView {
    const rows = this.sql.exec<ReportRow>('SELECT * FROM reports').toArray();
    const strikes = rows
      .filter((row) => row.kind === 'no_show' || row.kind === 'late_cancel')
      .map((row) => ({
        screeningId: row.screening_id,
        kind: row.kind as StrikeKind,
        at: row.at,
        recordedAt: row.recorded_at,
        ...(row.cleared_at !== null ? { cleared: { at: row.cleared_at, by: row.cleared_by ?? '', reason: row.cleared_reason ?? '' } } : {}),
      }));
    const draws = rows
      .filter((row) => row.kind === 'lottery_won' || row.kind === 'lottery_lost')
      .map((row) => ({ screeningId: row.screening_id, result: row.kind === 'lottery_won' ? ('won' as const) : ('lost' as const), at: row.at }));
    return { ...memberStanding(strikes, now), lotteryWeight: lotteryWeight(draws) };
  }
}
