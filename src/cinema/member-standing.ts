import * as z from 'zod';
import { CINEMA_RULES } from './rules.ts';

const DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = CINEMA_RULES.utcOffsetMinutes * 60_000;

/** What a screening's object reports to a member's standing (functions/member-reports.ts delivers it). */
export const memberReportSchema = z.object({
  screeningId: z.string().min(1).max(100),
  kind: z.enum(['no_show', 'late_cancel', 'lottery_won', 'lottery_lost']),
  /** When it happened: a no-show at the screening's start, a late cancel when cancelled, a draw when drawn. */
  at: z.iso.datetime({ offset: true }),
});
export type MemberReport = z.infer<typeof memberReportSchema>;
export type StrikeKind = Extract<MemberReport['kind'], 'no_show' | 'late_cancel'>;
export const strikeKindSchema = z.enum(['no_show', 'late_cancel']);

export type StrikeRules = { [K in keyof typeof CINEMA_RULES.strikes]: number };

/** A strike as the member's object stores it: times in ms; `recordedAt` is when the object took the report. */
export interface StrikeRecord {
  screeningId: string;
  kind: StrikeKind;
  at: number;
  recordedAt: number;
  cleared?: { at: number; by: string; reason: string };
}

/**
 * `active`: counts towards a suspension now; `used`: counted in a suspension already; `expired`: older
 * than the window; `cleared`: staff took it back.
 */
export type StrikeStatus = 'active' | 'used' | 'expired' | 'cleared';

export interface StrikeView {
  screeningId: string;
  kind: StrikeKind;
  points: number;
  at: string;
  expiresAt: string;
  status: StrikeStatus;
  cleared?: { at: string; by: string; reason: string };
}

export interface Standing {
  /** Points that count towards the next suspension now. */
  points: number;
  strikes: StrikeView[];
  suspended?: { since: string; until: string };
}

export function strikePoints(kind: StrikeKind, rules: StrikeRules = CINEMA_RULES.strikes): number {
  return kind === 'no_show' ? rules.noShowPoints : rules.lateCancelPoints;
}

/**
 * When a suspension that starts at `start` ends: `suspensionDays` later, rounded up to the next midnight in
 * Shanghai, so the page can name a whole day (暂停至 2月1日 0:00) and nobody's last day is cut short.
 */
export function suspensionEnd(start: number, rules: StrikeRules = CINEMA_RULES.strikes): number {
  const local = start + rules.suspensionDays * DAY + SHANGHAI_OFFSET_MS;
  return Math.ceil(local / DAY) * DAY - SHANGHAI_OFFSET_MS;
}

/** Whether cancelling at `cancelledAt` a ticket for a screening starting at `startsAt` is a late cancel. */
export function isLateCancel(cancelledAt: number, startsAt: number, rules: StrikeRules = CINEMA_RULES.strikes): boolean {
  return startsAt - cancelledAt <= rules.lateCancelHours * 3_600_000;
}

/** Whether a ticket checked in at `checkedInAt` (undefined: never) for a screening starting at `startsAt` was a no-show. */
export function isNoShow(checkedInAt: number | undefined, startsAt: number, rules: StrikeRules = CINEMA_RULES.strikes): boolean {
  return checkedInAt === undefined || checkedInAt > startsAt + rules.noShowAfterMinutes * 60_000;
}

/** When a screening's no-shows are counted: its end plus the grace for offline doors to sync. */
export function noShowsCountedAt(endsAt: number, rules: StrikeRules = CINEMA_RULES.strikes): number {
  return endsAt + rules.noShowGraceHours * 3_600_000;
}

const key = (strike: { screeningId: string; kind: string }) => `${strike.kind}\n${strike.screeningId}`;

/**
 * A member's standing at `now`, from every strike ever recorded for them (the same records give the same
 * answer, whatever order they arrived in). The rules, precisely:
 *
 * - A strike counts for `windowDays` from when it happened (`at`): it expires at `at + windowDays`, to the
 *   millisecond.
 * - The strikes are replayed in the order the member's object learned of them (`recordedAt`). When one
 *   brings the member's unexpired, unused points to `threshold`, a suspension starts at that moment (a
 *   report that arrives late suspends from its arrival, never in the past) and those strikes are `used`:
 *   the same strikes never suspend twice, though they stay listed until they expire.
 * - A report older than the window when it arrives counts for nothing.
 * - Strikes that reach the threshold again while a suspension runs start the next suspension when the
 *   current one ends (back to back, never overlapping): no-shows from tickets claimed before the
 *   suspension still count.
 * - A cleared strike is as if it never was: clearing one that made a suspension lifts that suspension
 *   unless the other strikes reach the threshold on their own.
 */
export function memberStanding(records: readonly StrikeRecord[], now: number, rules: StrikeRules = CINEMA_RULES.strikes): Standing {
  const window = rules.windowDays * DAY;
  const live = records
    .filter((record) => !record.cleared)
    .sort((a, b) => a.recordedAt - b.recordedAt || a.at - b.at || key(a).localeCompare(key(b)));
  const used = new Set<string>();
  const suspensions: { since: number; until: number }[] = [];
  for (let i = 0; i < live.length; i++) {
    const t = live[i]!.recordedAt;
    const counted = live.slice(0, i + 1).filter((strike) => !used.has(key(strike)) && strike.at + window > t);
    const points = counted.reduce((sum, strike) => sum + strikePoints(strike.kind, rules), 0);
    if (points < rules.threshold) continue;
    const since = Math.max(t, suspensions.at(-1)?.until ?? -Infinity);
    suspensions.push({ since, until: suspensionEnd(since, rules) });
    for (const strike of counted) used.add(key(strike));
  }
  // Back-to-back suspensions read as one, until the last of them ends.
  let current: { since: number; until: number } | undefined;
  for (const suspension of suspensions) {
    if (current && suspension.since === current.until) current = { since: current.since, until: suspension.until };
    else if (suspension.since <= now && now < suspension.until) current = { ...suspension };
  }
  if (current && !(current.since <= now && now < current.until)) current = undefined;

  const strikes = [...records]
    .sort((a, b) => a.at - b.at || key(a).localeCompare(key(b)))
    .map((record): StrikeView => {
      const expiresAt = record.at + window;
      const status: StrikeStatus = record.cleared ? 'cleared' : used.has(key(record)) ? 'used' : now >= expiresAt ? 'expired' : 'active';
      return {
        screeningId: record.screeningId,
        kind: record.kind,
        points: strikePoints(record.kind, rules),
        at: new Date(record.at).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
        status,
        ...(record.cleared ? { cleared: { at: new Date(record.cleared.at).toISOString(), by: record.cleared.by, reason: record.cleared.reason } } : {}),
      };
    });
  return {
    points: strikes.filter((strike) => strike.status === 'active').reduce((sum, strike) => sum + strike.points, 0),
    strikes,
    ...(current ? { suspended: { since: new Date(current.since).toISOString(), until: new Date(current.until).toISOString() } } : {}),
  };
}
