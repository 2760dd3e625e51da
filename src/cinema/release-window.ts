import { CINEMA_RULES, type CinemaRules } from './rules.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The window instants on the local calendar day that contains `localDayStart` (ms, local clock as UTC). */
function windowsOnLocalDay(localDayStart: number, rules: CinemaRules): number[] {
  const weekday = new Date(localDayStart).getUTCDay();
  return rules.releaseWindows
    .filter((window) => window.weekday === weekday)
    .map((window) => localDayStart + (window.hour * 60 + window.minute) * MINUTE - rules.utcOffsetMinutes * MINUTE)
    .sort((a, b) => a - b);
}

function localDayStartOf(instant: number, rules: CinemaRules): number {
  const local = instant + rules.utcOffsetMinutes * MINUTE;
  return local - (((local % DAY) + DAY) % DAY);
}

/**
 * When seats for a screening starting at `startsAt` are released: the latest weekly window at least
 * `minLeadHours` before the start. A Wednesday 18:30 screening opens on Monday 12:00; a Friday one on
 * Thursday 12:00.
 */
export function releaseTime(startsAt: Date, rules: CinemaRules = CINEMA_RULES): Date {
  const latest = startsAt.getTime() - rules.minLeadHours * 60 * MINUTE;
  const firstDay = localDayStartOf(latest, rules);
  for (let day = 0; day <= 7; day++) {
    const candidates = windowsOnLocalDay(firstDay - day * DAY, rules).filter((instant) => instant <= latest);
    if (candidates.length > 0) return new Date(candidates[candidates.length - 1]!);
  }
  throw new Error('CINEMA_RULES.releaseWindows must list at least one weekly window');
}

/** When claims for a screening close. */
export function closeTime(startsAt: Date, rules: CinemaRules = CINEMA_RULES): Date {
  return new Date(startsAt.getTime() - rules.closeBeforeMinutes * MINUTE);
}

/** The first release window strictly after `now`: the countdown target and the .ics reminder. */
export function nextReleaseWindow(now: Date, rules: CinemaRules = CINEMA_RULES): Date {
  const firstDay = localDayStartOf(now.getTime(), rules);
  for (let day = 0; day <= 7; day++) {
    const candidate = windowsOnLocalDay(firstDay + day * DAY, rules).find((instant) => instant > now.getTime());
    if (candidate !== undefined) return new Date(candidate);
  }
  throw new Error('CINEMA_RULES.releaseWindows must list at least one weekly window');
}

export type ClaimWindowState = 'not_open' | 'open' | 'closed';

/** Whether claims are accepted at `now`: from the release instant (inclusive) to the close (exclusive). */
export function claimWindowState(now: number, times: { releaseAt: number; closesAt: number }): ClaimWindowState {
  if (now < times.releaseAt) return 'not_open';
  if (now >= times.closesAt) return 'closed';
  return 'open';
}
