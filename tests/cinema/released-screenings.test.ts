import { describe, expect, it } from 'vitest';
import { deployedScreenings, vanishedReleasedScreenings } from '../../src/cinema/released-screenings';

// Released at noon on 30 November, starts 2 December 18:30, runs 118 minutes: ends 20:28 Beijing time.
const screening = (id: string) => ({ id, releaseAt: '2026-11-30T04:00:00.000Z', endsAt: '2026-12-02T12:28:00.000Z' });
const releasedNow = new Date('2026-12-01T00:00:00Z');

describe('vanishedReleasedScreenings', () => {
  it('names a deployed screening that is released, not over, and missing from the new catalogue', () => {
    const deployed = [screening('2026-12-02-1830'), screening('kept')];
    expect(vanishedReleasedScreenings({ deployed, next: ['kept', '2026-12-02-1900-moved'], now: releasedNow })).toEqual([screening('2026-12-02-1830')]);
  });

  it('lets a screening go before its release (nobody holds a ticket) and after it has ended', () => {
    const deployed = [screening('gone')];
    expect(vanishedReleasedScreenings({ deployed, next: [], now: new Date('2026-11-30T03:59:59Z') })).toEqual([]);
    expect(vanishedReleasedScreenings({ deployed, next: [], now: new Date('2026-12-02T12:28:00Z') })).toEqual([]);
  });

  it('counts release from the release time itself, and a kept id as kept whatever its times now are', () => {
    expect(vanishedReleasedScreenings({ deployed: [screening('gone')], next: [], now: new Date('2026-11-30T04:00:00Z') })).toHaveLength(1);
    expect(vanishedReleasedScreenings({ deployed: [screening('moved-in-time')], next: ['moved-in-time'], now: releasedNow })).toEqual([]);
  });
});

describe('deployedScreenings', () => {
  it('keeps each screening’s id, release time and end (start + runtime), nothing else', () => {
    const catalogue = {
      screenings: [
        {
          id: '2026-12-02-1830',
          film: { title: '片名', synopsis: '简介', runtimeMinutes: 118, sample: true },
          hallId: 'huigong-yingyuan',
          hall: {},
          startsAt: '2026-12-02T10:30:00.000Z',
          releaseAt: '2026-11-30T04:00:00.000Z',
          closesAt: '2026-12-02T10:00:00.000Z',
          booking: { union: '某工会' },
        },
      ],
    };
    expect(deployedScreenings(JSON.stringify(catalogue))).toEqual([screening('2026-12-02-1830')]);
  });
});
