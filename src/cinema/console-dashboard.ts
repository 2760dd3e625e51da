import type { CatalogueScreening } from './catalogue.ts';

/** How long after its start a screening stays on the dashboard: the door is busy, no-shows are counted. */
export const DASHBOARD_AFTER_START_MS = 4 * 3_600_000;
/** The dashboard shows at most this many screenings, soonest first: one object call each per refresh. */
export const DASHBOARD_LIMIT = 12;
/** How often an open, visible console refreshes its numbers. */
export const DASHBOARD_REFRESH_MS = 5_000;

/** The screenings on the dashboard: not started more than DASHBOARD_AFTER_START_MS ago, soonest first. */
export function dashboardScreenings<S extends Pick<CatalogueScreening, 'startsAt'>>(screenings: readonly S[], now: number, limit = DASHBOARD_LIMIT): S[] {
  return screenings
    .filter((screening) => Date.parse(screening.startsAt) + DASHBOARD_AFTER_START_MS > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
    .slice(0, limit);
}

/** A screening's numbers as the object counts them (functions/screening-object.ts ScreeningStats). */
export interface DashboardStats {
  capacity: number;
  claimed: number;
  reserved: number;
  checkedIn: number;
  noShows: number;
  waitlist: number;
}

/** The dashboard's figures for one screening, labelled; no-shows only once it has started. */
export function dashboardFigures(stats: DashboardStats, startsAt: string, now: number): { label: string; value: number }[] {
  const started = now >= Date.parse(startsAt);
  return [
    { label: '座位', value: stats.capacity },
    { label: '已领', value: stats.claimed },
    { label: '包场', value: stats.reserved },
    { label: '已入场', value: stats.checkedIn },
    ...(started ? [{ label: '未到', value: stats.noShows }] : []),
    { label: '候补', value: stats.waitlist },
  ];
}
