import { describe, expect, it } from 'vitest';
import { conflictNotes, dashboardFigures, dashboardScreenings, DASHBOARD_AFTER_START_MS } from '../../src/cinema/console-dashboard';

const now = Date.parse('2026-12-02T11:00:00Z');
const at = (offset: number) => new Date(now + offset).toISOString();

describe('dashboardScreenings', () => {
  it('keeps screenings not long started, soonest first, up to the limit', () => {
    const screenings = [
      { id: 'later', startsAt: at(48 * 3_600_000) },
      { id: 'long-over', startsAt: at(-DASHBOARD_AFTER_START_MS - 1) },
      { id: 'started', startsAt: at(-3_600_000) },
      { id: 'soon', startsAt: at(3_600_000) },
    ];
    expect(dashboardScreenings(screenings, now).map((s) => s.id)).toEqual(['started', 'soon', 'later']);
    expect(dashboardScreenings(screenings, now, 2).map((s) => s.id)).toEqual(['started', 'soon']);
  });
});

describe('dashboardFigures', () => {
  const stats = { capacity: 100, claimed: 40, reserved: 20, checkedIn: 30, noShows: 30, waitlist: 5, conflicts: [] };

  it('shows no-shows only once the screening has started', () => {
    expect(dashboardFigures(stats, at(60_000), now).map((f) => f.label)).toEqual(['座位', '已领', '包场', '已入场', '候补']);
    expect(dashboardFigures(stats, at(-60_000), now)).toContainEqual({ label: '未到', value: 30 });
  });
});

describe('door conflicts on the dashboard', () => {
  const conflict = {
    code: 'ABCD2345',
    seat: '6-8',
    kept: { code: 'ABCD2345', at: '2026-12-02T10:05:00Z', device: 'door-1a2b' },
    later: { code: 'ABCD2345', at: '2026-12-02T10:07:00Z', device: 'online' },
  };
  const stats = { capacity: 100, claimed: 40, reserved: 20, checkedIn: 30, noShows: 30, waitlist: 5 };

  it('counts them as a figure only when there are any', () => {
    expect(dashboardFigures({ ...stats, conflicts: [] }, at(60_000), now).map((f) => f.label)).not.toContain('检票冲突');
    expect(dashboardFigures({ ...stats, conflicts: [conflict] }, at(60_000), now)).toContainEqual({ label: '检票冲突', value: 1 });
  });

  it('says which seat, whose check-in counts (Beijing time) and whose did not', () => {
    expect(conflictNotes([conflict])).toEqual(['6排8号（票号 ABCD2345）：以 设备 door-1a2b 18:05 入场为准，在线检票 18:07 的检票未被接受']);
  });
});
