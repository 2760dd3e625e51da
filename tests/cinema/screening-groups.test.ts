import { describe, expect, it } from 'vitest';
import { screeningGroups, type ListedScreening } from '../../src/cinema/screening-groups';

const NOW = Date.parse('2026-12-01T04:30:00Z'); // Tuesday 12:30 in Shanghai
interface S extends ListedScreening {
  id: string;
}
const screening = (id: string, startsAt: string, releaseAt: string, over: Partial<S> = {}): S => ({
  id,
  startsAt,
  releaseAt,
  closesAt: new Date(Date.parse(startsAt) - 3_600_000).toISOString(),
  ...over,
});
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('screeningGroups', () => {
  const wed = screening('wed', '2026-12-02T10:30:00Z', '2026-11-30T04:00:00Z');
  const fri = screening('fri', '2026-12-04T10:30:00Z', '2026-12-03T04:00:00Z');
  const booked = screening('booked', '2026-12-09T10:30:00Z', '2026-12-07T04:00:00Z', { booking: { union: '某工会' } });
  const far = screening('far', '2026-12-16T10:30:00Z', '2026-12-14T04:00:00Z');
  const tonight = screening('tonight', '2026-12-01T10:30:00Z', '2026-11-30T04:00:00Z', { closesAt: '2026-12-01T04:00:00Z' });

  it('leads with what is open now, then the next releases by day, the far ones folded', () => {
    const groups = screeningGroups([far, booked, fri, wed, tonight], NOW);
    expect(ids(groups.open)).toEqual(['wed']);
    expect(groups.soon.map((day) => [day.day, ids(day.screenings)])).toEqual([
      ['2026-12-04', ['fri']],
      ['2026-12-09', ['booked']],
    ]);
    expect(groups.later.map((day) => [day.day, ids(day.screenings)])).toEqual([['2026-12-16', ['far']]]);
    expect(ids(groups.closed)).toEqual(['tonight']);
  });

  it('groups by the Shanghai day, not the UTC one', () => {
    const lateNight = screening('late', '2026-12-04T16:30:00Z', '2026-12-03T04:00:00Z'); // 12月5日 00:30
    expect(screeningGroups([fri, lateNight], NOW).soon.map((day) => day.day)).toEqual(['2026-12-04', '2026-12-05']);
  });

  it('has nothing open before a release, and moves a screening up at its release instant', () => {
    expect(ids(screeningGroups([fri], NOW).open)).toEqual([]);
    expect(ids(screeningGroups([fri], Date.parse(fri.releaseAt)).open)).toEqual(['fri']);
  });
});
