import type { CatalogueScreening } from './catalogue.ts';
import { formatShanghaiTime } from './countdown.ts';
import type { CheckInConflict } from './offline-checkin.ts';
import { seatLabel } from './seat-map.ts';

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
  /** Two door devices checked the same ticket in offline: the earlier was kept (functions/door-checkins.ts). */
  conflicts: (CheckInConflict & { seat: string })[];
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
    ...(stats.conflicts.length > 0 ? [{ label: '检票冲突', value: stats.conflicts.length }] : []),
  ];
}

/** Each conflict in a line an operator can act on: which seat, which device's check-in counts, which did not. */
export function conflictNotes(conflicts: readonly (CheckInConflict & { seat: string })[]): string[] {
  const clock = (iso: string) => formatShanghaiTime(iso).slice(-5);
  const seatName = (seat: string) => {
    const [row, number] = seat.split('-').map(Number);
    return row && number ? seatLabel({ row, number }) : '座位不明';
  };
  return conflicts.map(
    ({ code, seat, kept, later }) =>
      `${seatName(seat)}（票号 ${code}）：以 ${kept.device === 'online' ? '在线检票' : `设备 ${kept.device}`} ${clock(kept.at)} 入场为准，` +
      `${later.device === 'online' ? '在线检票' : `设备 ${later.device}`} ${clock(later.at)} 的检票未被接受`,
  );
}
