import { describe, expect, it } from 'vitest';
import { claimWindowState, closeTime, nextReleaseWindow, releaseTime } from '../../src/cinema/release-window';
import type { CinemaRules } from '../../src/cinema/rules';

const at = (iso: string) => new Date(iso);
const release = (startsAt: string) => releaseTime(at(startsAt)).toISOString();

describe('releaseTime', () => {
  it('opens a Wednesday evening screening on Monday noon, Shanghai time', () => {
    expect(release('2026-12-02T18:30:00+08:00')).toBe('2026-11-30T04:00:00.000Z');
  });

  it('opens a Friday evening screening on Thursday noon', () => {
    expect(release('2026-12-04T18:30:00+08:00')).toBe('2026-12-03T04:00:00.000Z');
  });

  it('needs a full 24 hours: a Friday 11:59 screening opens on Monday, not Thursday', () => {
    expect(release('2026-12-04T11:59:00+08:00')).toBe('2026-11-30T04:00:00.000Z');
    expect(release('2026-12-04T12:00:00+08:00')).toBe('2026-12-03T04:00:00.000Z');
  });

  it('looks back across a week boundary for a Monday or Tuesday screening', () => {
    expect(release('2026-12-07T09:00:00+08:00')).toBe('2026-12-03T04:00:00.000Z');
    expect(release('2026-12-08T12:30:00+08:00')).toBe('2026-12-07T04:00:00.000Z');
  });

  it('crosses a year boundary', () => {
    // 2027-01-01 is a Friday: released Thursday 2026-12-31 noon.
    expect(release('2027-01-01T18:30:00+08:00')).toBe('2026-12-31T04:00:00.000Z');
    // 2027-01-04 is a Monday 10:00: the latest window 24 h before is Thursday 2026-12-31.
    expect(release('2027-01-04T10:00:00+08:00')).toBe('2026-12-31T04:00:00.000Z');
  });

  it('uses Shanghai days even when the UTC date differs (a screening just after local midnight)', () => {
    // Thursday 00:30 local is Wednesday 16:30 UTC; 24 h earlier is Tuesday 00:30 local → Monday noon.
    expect(release('2026-12-03T00:30:00+08:00')).toBe('2026-11-30T04:00:00.000Z');
  });

  it('follows other rules when they are configured', () => {
    const rules: CinemaRules = {
      utcOffsetMinutes: 0,
      releaseWindows: [{ weekday: 6, hour: 9, minute: 30 }],
      minLeadHours: 48,
      closeBeforeMinutes: 15,
      lottery: { drawDaysAfterRelease: 2, drawHour: 20, drawMinute: 0 },
    };
    expect(releaseTime(at('2026-12-09T10:00:00Z'), rules).toISOString()).toBe('2026-12-05T09:30:00.000Z');
    expect(closeTime(at('2026-12-09T10:00:00Z'), rules).toISOString()).toBe('2026-12-09T09:45:00.000Z');
  });
});

describe('closeTime', () => {
  it('closes claims an hour before the start by default', () => {
    expect(closeTime(at('2026-12-02T18:30:00+08:00')).toISOString()).toBe('2026-12-02T09:30:00.000Z');
  });
});

describe('nextReleaseWindow', () => {
  it('finds the next Monday or Thursday noon', () => {
    expect(nextReleaseWindow(at('2026-11-28T22:00:00+08:00')).toISOString()).toBe('2026-11-30T04:00:00.000Z');
    expect(nextReleaseWindow(at('2026-11-30T13:00:00+08:00')).toISOString()).toBe('2026-12-03T04:00:00.000Z');
  });

  it('is strictly after now: at noon exactly, the next one is the following window', () => {
    expect(nextReleaseWindow(at('2026-11-30T12:00:00+08:00')).toISOString()).toBe('2026-12-03T04:00:00.000Z');
    expect(nextReleaseWindow(at('2026-11-30T11:59:59.999+08:00')).toISOString()).toBe('2026-11-30T04:00:00.000Z');
  });

  it('crosses a year boundary', () => {
    expect(nextReleaseWindow(at('2026-12-31T12:00:01+08:00')).toISOString()).toBe('2027-01-04T04:00:00.000Z');
  });
});

describe('claimWindowState', () => {
  const times = { releaseAt: 1000, closesAt: 2000 };
  it('is open from the release instant up to, not including, the close', () => {
    expect(claimWindowState(999, times)).toBe('not_open');
    expect(claimWindowState(1000, times)).toBe('open');
    expect(claimWindowState(1999, times)).toBe('open');
    expect(claimWindowState(2000, times)).toBe('closed');
  });
});
