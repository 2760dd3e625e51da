import { shanghaiDay } from './countdown.ts';
import { claimWindowState } from './release-window.ts';

/** The parts of a screening the list is ordered by. */
export interface ListedScreening {
  startsAt: string;
  releaseAt: string;
  closesAt: string;
  booking?: unknown;
}

/** Screenings starting on one Shanghai calendar day (`2026-12-04`), soonest first. */
export interface ScreeningDay<S> {
  day: string;
  screenings: S[];
}

export interface ScreeningGroups<S> {
  /** Open for claims now: the page leads with these. */
  open: S[];
  /** The rest, by day, starting within `VISIBLE_DAYS`: the next release comes first. */
  soon: ScreeningDay<S>[];
  /** By day, later than that: folded, so a phone does not scroll past months of films. */
  later: ScreeningDay<S>[];
  /** Claims have closed but the film has not ended: last, for members on their way. */
  closed: S[];
}

/** How far ahead the list shows screenings unfolded: two weeks (four releases). */
export const VISIBLE_DAYS = 14;

/** Screenings by their Shanghai day, in the order given. */
export function screeningDays<S extends ListedScreening>(screenings: readonly S[]): ScreeningDay<S>[] {
  const days = new Map<string, S[]>();
  for (const screening of screenings) {
    const day = shanghaiDay(screening.startsAt);
    days.set(day, [...(days.get(day) ?? []), screening]);
  }
  return [...days].map(([day, list]) => ({ day, screenings: list }));
}

/**
 * The cinema list as a member reads it at `now` (the server's clock): what is open now, then the coming
 * days up to two weeks ahead, then the rest folded. `screenings` comes soonest first (as the API and the
 * catalogue give it); whole-screening bookings sit in their day, they never open.
 */
export function screeningGroups<S extends ListedScreening>(screenings: readonly S[], now: number): ScreeningGroups<S> {
  const stateOf = (screening: S) =>
    screening.booking ? 'booked' : claimWindowState(now, { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
  const sorted = [...screenings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const open = sorted.filter((screening) => stateOf(screening) === 'open');
  const closed = sorted.filter((screening) => stateOf(screening) === 'closed' || (screening.booking && Date.parse(screening.closesAt) <= now));
  const rest = sorted.filter((screening) => !open.includes(screening) && !closed.includes(screening));
  const horizon = now + VISIBLE_DAYS * 86_400_000;
  return {
    open,
    soon: screeningDays(rest.filter((screening) => Date.parse(screening.startsAt) < horizon)),
    later: screeningDays(rest.filter((screening) => Date.parse(screening.startsAt) >= horizon)),
    closed,
  };
}
