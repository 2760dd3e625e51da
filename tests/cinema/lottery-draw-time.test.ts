import { describe, expect, it } from 'vitest';
import { lotteryDrawTime } from '../../src/cinema/lottery-draw-time';
import { releaseTime } from '../../src/cinema/release-window';
import { CINEMA_RULES, type CinemaRules } from '../../src/cinema/rules';

const draw = (release: string, rules?: CinemaRules) => lotteryDrawTime(new Date(release), rules).toISOString();

describe('lotteryDrawTime', () => {
  it('draws at 08:00 Shanghai the morning after each release: Monday → Tuesday, Thursday → Friday', () => {
    expect(draw('2026-11-30T12:00:00+08:00')).toBe('2026-12-01T00:00:00.000Z');
    expect(draw('2026-12-03T12:00:00+08:00')).toBe('2026-12-04T00:00:00.000Z');
  });

  it('counts days on the Shanghai calendar, not UTC, across month and year ends', () => {
    // 00:30 on 1 January in Shanghai is still 31 December in UTC.
    expect(draw('2027-01-01T00:30:00+08:00')).toBe('2027-01-02T00:00:00.000Z');
    expect(draw('2026-12-31T23:59:00+08:00')).toBe('2027-01-01T00:00:00.000Z');
    expect(draw('2028-02-28T12:00:00+08:00')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('gives a Wednesday 18:30 screening a draw between its release and its close', () => {
    const startsAt = new Date('2026-12-09T18:30:00+08:00');
    const release = releaseTime(startsAt);
    const drawAt = lotteryDrawTime(release);
    expect(release.toISOString()).toBe('2026-12-07T04:00:00.000Z');
    expect(drawAt.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(drawAt.getTime()).toBeLessThan(startsAt.getTime() - CINEMA_RULES.closeBeforeMinutes * 60_000);
  });

  it('follows configured rules', () => {
    const rules: CinemaRules = { ...CINEMA_RULES, lottery: { drawDaysAfterRelease: 2, drawHour: 20, drawMinute: 30 } };
    expect(draw('2026-11-30T12:00:00+08:00', rules)).toBe('2026-12-02T12:30:00.000Z');
  });
});
