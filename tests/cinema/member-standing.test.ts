import { describe, expect, it } from 'vitest';
import { isLateCancel, isNoShow, memberStanding, noShowsCountedAt, suspensionEnd, type StrikeRecord } from '../../src/cinema/member-standing';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const noShow = (screeningId: string, when: string, recorded: string): StrikeRecord => ({ screeningId, kind: 'no_show', at: at(when), recordedAt: at(recorded) });

describe('memberStanding', () => {
  // 18:30 Shanghai screenings either side of New Year; each counted the next morning at 08:00 Shanghai.
  const acrossNewYear = [
    noShow('2026-12-30-1830', '2026-12-30T10:30:00.000Z', '2026-12-31T00:00:00.000Z'),
    noShow('2027-01-01-1830', '2027-01-01T10:30:00.000Z', '2027-01-02T00:00:00.000Z'),
    noShow('2027-01-06-1830', '2027-01-06T10:30:00.000Z', '2027-01-07T00:00:00.000Z'),
  ];

  it('suspends on the third strike across a year boundary, from when it was counted, to a Shanghai midnight 30 days on', () => {
    const before = memberStanding(acrossNewYear.slice(0, 2), at('2027-01-05T00:00:00.000Z'));
    expect(before).toMatchObject({ points: 2 });
    expect(before.suspended).toBeUndefined();

    const standing = memberStanding(acrossNewYear, at('2027-01-07T00:00:00.000Z'));
    // 2027-01-07 08:00 Shanghai + 30 days = 2027-02-06 08:00, rounded up to 2027-02-07 00:00 Shanghai.
    expect(standing.suspended).toEqual({ since: '2027-01-07T00:00:00.000Z', until: '2027-02-06T16:00:00.000Z' });
    expect(standing.points).toBe(0);
    expect(standing.strikes.map((strike) => strike.status)).toEqual(['used', 'used', 'used']);
    expect(standing.strikes[0]).toMatchObject({ at: '2026-12-30T10:30:00.000Z', expiresAt: '2027-03-30T10:30:00.000Z', points: 1 });
  });

  it('ends the suspension on the instant of the Shanghai midnight, to the millisecond', () => {
    const until = at('2027-02-06T16:00:00.000Z');
    expect(memberStanding(acrossNewYear, until - 1).suspended).toBeDefined();
    expect(memberStanding(acrossNewYear, until).suspended).toBeUndefined();
    // Not a day earlier by a UTC date: 2027-02-06 23:59:59.999 Shanghai is still suspended.
    expect(memberStanding(acrossNewYear, at('2027-02-06T15:59:59.999Z')).suspended?.until).toBe('2027-02-06T16:00:00.000Z');
  });

  it('counts a strike for 90 days to the millisecond', () => {
    const first = at('2026-10-05T10:30:00.000Z');
    const records = (thirdRecordedAt: number): StrikeRecord[] => [
      { screeningId: 'a', kind: 'no_show', at: first, recordedAt: first + 12 * HOUR },
      { screeningId: 'b', kind: 'no_show', at: first + 10 * DAY, recordedAt: first + 10 * DAY + 12 * HOUR },
      { screeningId: 'c', kind: 'no_show', at: thirdRecordedAt - 12 * HOUR, recordedAt: thirdRecordedAt },
    ];
    const edge = first + 90 * DAY;
    expect(memberStanding(records(edge - 1), edge - 1).suspended).toBeDefined();
    const late = memberStanding(records(edge), edge);
    expect(late.suspended).toBeUndefined();
    expect(late.points).toBe(2);
    expect(late.strikes.map((strike) => strike.status)).toEqual(['expired', 'active', 'active']);
    expect(memberStanding(records(edge), edge - 1).strikes[0]!.status).toBe('active');
  });

  it('counts a late cancel as half a strike: six suspend, five do not', () => {
    const start = at('2027-03-01T00:00:00.000Z');
    const cancels = (n: number): StrikeRecord[] =>
      Array.from({ length: n }, (_, i) => ({ screeningId: `s${i}`, kind: 'late_cancel', at: start + i * DAY, recordedAt: start + i * DAY + 1000 }));
    const now = start + 10 * DAY;
    expect(memberStanding(cancels(5), now)).toMatchObject({ points: 2.5 });
    expect(memberStanding(cancels(5), now).suspended).toBeUndefined();
    expect(memberStanding(cancels(6), now).suspended?.since).toBe(new Date(start + 5 * DAY + 1000).toISOString());
  });

  it('suspends from when a late report arrives, never in the past, whatever order the reports come in', () => {
    const records = [
      noShow('wed', '2027-01-13T10:30:00.000Z', '2027-01-14T00:00:00.000Z'),
      noShow('fri', '2027-01-15T10:30:00.000Z', '2027-01-16T00:00:00.000Z'),
      // The Monday before, reported a week late (its screening object could not reach the member's).
      noShow('mon', '2027-01-11T10:30:00.000Z', '2027-01-20T03:00:00.000Z'),
    ];
    const now = at('2027-01-21T00:00:00.000Z');
    const standing = memberStanding(records, now);
    expect(standing.suspended?.since).toBe('2027-01-20T03:00:00.000Z');
    expect(memberStanding([...records].reverse(), now)).toEqual(standing);
    expect(standing.strikes.map((strike) => strike.screeningId)).toEqual(['mon', 'wed', 'fri']);
  });

  it('ignores a report that arrives after its 90 days', () => {
    const stale = noShow('old', '2026-09-01T10:30:00.000Z', '2026-12-01T00:00:00.000Z');
    const standing = memberStanding([stale, ...acrossNewYear.slice(0, 2)], at('2027-01-03T00:00:00.000Z'));
    expect(standing.suspended).toBeUndefined();
    expect(standing.strikes[0]!.status).toBe('expired');
  });

  it('does not lengthen a suspension for one more strike, and starts the next one back to back when three more arrive during it', () => {
    const during = (id: string, day: string) => noShow(id, `2027-01-${day}T10:30:00.000Z`, `2027-01-${day}T23:00:00.000Z`);
    const one = memberStanding([...acrossNewYear, during('d1', '20')], at('2027-01-25T00:00:00.000Z'));
    expect(one.suspended?.until).toBe('2027-02-06T16:00:00.000Z');
    expect(one.points).toBe(1);

    const three = [...acrossNewYear, during('d1', '20'), during('d2', '22'), during('d3', '27')];
    const chained = memberStanding(three, at('2027-01-28T00:00:00.000Z'));
    // The second starts when the first ends (2027-02-06T16:00Z), +30 days, rounded to Shanghai midnight.
    expect(chained.suspended).toEqual({ since: '2027-01-07T00:00:00.000Z', until: '2027-03-08T16:00:00.000Z' });
    expect(memberStanding(three, at('2027-03-01T00:00:00.000Z')).suspended?.since).toBe('2027-02-06T16:00:00.000Z');
    expect(memberStanding(three, at('2027-03-08T16:00:00.000Z')).suspended).toBeUndefined();
  });

  it('lifts a suspension when staff clear one of its strikes, and lists the cleared strike as cleared', () => {
    const cleared = acrossNewYear.map((record, i) => (i === 1 ? { ...record, cleared: { at: at('2027-01-08T02:00:00.000Z'), by: 'op', reason: '检票机离线' } } : record));
    const standing = memberStanding(cleared, at('2027-01-08T03:00:00.000Z'));
    expect(standing.suspended).toBeUndefined();
    expect(standing.points).toBe(2);
    expect(standing.strikes[1]).toMatchObject({ status: 'cleared', cleared: { by: 'op', reason: '检票机离线' } });
  });
});

describe('suspensionEnd', () => {
  it('rounds 30 days on up to the next midnight in Shanghai, keeping one already on it', () => {
    expect(new Date(suspensionEnd(at('2027-01-07T00:00:00.000Z'))).toISOString()).toBe('2027-02-06T16:00:00.000Z');
    expect(new Date(suspensionEnd(at('2026-12-01T16:00:00.000Z'))).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(new Date(suspensionEnd(at('2026-12-01T16:00:00.001Z'))).toISOString()).toBe('2027-01-01T16:00:00.000Z');
  });
});

describe('isLateCancel', () => {
  const start = at('2027-01-06T10:30:00.000Z');
  it('is late from 3 hours before the start, inclusive', () => {
    expect(isLateCancel(start - 3 * HOUR - 1, start)).toBe(false);
    expect(isLateCancel(start - 3 * HOUR, start)).toBe(true);
    expect(isLateCancel(start - HOUR, start)).toBe(true);
  });
});

describe('isNoShow', () => {
  const start = at('2027-01-06T10:30:00.000Z');
  it('is a no-show unchecked, or checked in after 15 minutes past the start', () => {
    expect(isNoShow(undefined, start)).toBe(true);
    expect(isNoShow(start + 15 * 60_000, start)).toBe(false);
    expect(isNoShow(start + 15 * 60_000 + 1, start)).toBe(true);
    expect(isNoShow(start - HOUR, start)).toBe(false);
  });
});

describe('noShowsCountedAt', () => {
  it('waits 12 hours after the end, before the next noon release', () => {
    expect(new Date(noShowsCountedAt(at('2027-01-06T12:00:00.000Z'))).toISOString()).toBe('2027-01-07T00:00:00.000Z');
  });
});
