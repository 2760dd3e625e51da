import { describe, expect, it } from 'vitest';
import { parseBuildTime } from '../../src/build/build-time';

describe('the time a build publishes by', () => {
  const now = () => new Date('2026-12-02T03:00:00Z');

  it('is now, unless HUIGONG_BUILD_TIME says otherwise', () => {
    expect(parseBuildTime(undefined, now).toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(parseBuildTime('', now).toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(parseBuildTime('2026-12-07T12:00:00+08:00', now).toISOString()).toBe('2026-12-07T04:00:00.000Z');
    expect(parseBuildTime('2026-12-02T02:59:59.999Z', now).toISOString()).toBe('2026-12-02T02:59:59.999Z');
    expect(parseBuildTime('2026-12-07T12:00Z', now).toISOString()).toBe('2026-12-07T12:00:00.000Z');
  });

  it('refuses a time without its zone, an impossible time and anything else, rather than publishing by the wrong clock', () => {
    for (const bad of ['2026-12-07', '2026-12-07T12:00:00', '2026-02-30T12:00:00Z', '2026-12-07T25:00:00Z', 'tomorrow', '1764640000000']) {
      expect(() => parseBuildTime(bad, now), bad).toThrow(/HUIGONG_BUILD_TIME=.*ISO 8601/);
    }
  });
});
