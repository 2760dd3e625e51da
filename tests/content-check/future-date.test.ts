import { describe, expect, it } from 'vitest';
import { beijingDay, futureDateProblem } from '../../src/content-check/future-date';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('beijingDay', () => {
  it('turns the day at midnight in Beijing, 16:00 UTC the day before', () => {
    expect(beijingDay(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(beijingDay(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-02');
  });
});

describe('futureDateProblem', () => {
  it('passes a story dated today or earlier', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    expect(futureDateProblem({ date: day('2026-12-01') }, now)).toBeUndefined();
    expect(futureDateProblem({ date: day('2023-09-14') }, now)).toBeUndefined();
  });

  it('refuses a story dated tomorrow in Beijing, with a stable code', () => {
    const problem = futureDateProblem({ date: day('2026-12-02') }, new Date('2026-12-01T15:59:00Z'));
    expect(problem).toEqual({
      code: 'future_date',
      message: '日期 2026年12月2日 还没到（按北京时间）：稿件会带着将来的日期发布',
      fix: '日期写错了就改正；要到那天再发布，就加上 publishAt: 2026-12-02T08:00:00+08:00',
    });
  });

  it('counts today by Beijing time: after 16:00 UTC a story dated the next day is today’s', () => {
    expect(futureDateProblem({ date: day('2026-12-02') }, new Date('2026-12-01T16:00:00Z'))).toBeUndefined();
  });

  it('lets publishAt schedule a future-dated story for its day or later', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    expect(futureDateProblem({ date: day('2026-12-05'), publishAt: new Date('2026-12-05T08:00:00+08:00') }, now)).toBeUndefined();
    // 00:30 on 5 December in Beijing is still 4 December in UTC: the day is Beijing's.
    expect(futureDateProblem({ date: day('2026-12-05'), publishAt: new Date('2026-12-05T00:30:00+08:00') }, now)).toBeUndefined();
    expect(futureDateProblem({ date: day('2026-12-05'), publishAt: new Date('2026-12-06T08:00:00+08:00') }, now)).toBeUndefined();
  });

  it('refuses a schedule that would publish the story before its own date', () => {
    const problem = futureDateProblem({ date: day('2026-12-05'), publishAt: new Date('2026-12-04T23:59:00+08:00') }, new Date('2026-12-01T04:00:00Z'));
    expect(problem).toMatchObject({ code: 'future_date', fix: '把 publishAt 改到 2026-12-05 或以后，或者改正日期（date）' });
    expect(problem?.message).toContain('2026年12月4日');
  });

  it('leaves a draft alone: it goes out with nothing until it is published', () => {
    expect(futureDateProblem({ date: day('2099-01-01'), draft: true }, new Date('2026-12-01T04:00:00Z'))).toBeUndefined();
  });

  it('reads a date written with a time by its day in Beijing, as the story page shows it', () => {
    // 2026-12-02T07:00:00+08:00 is 1 December in UTC, but the page prints 2026年12月2日.
    const problem = futureDateProblem({ date: new Date('2026-12-02T07:00:00+08:00') }, new Date('2026-12-01T04:00:00Z'));
    expect(problem).toMatchObject({ code: 'future_date', message: '日期 2026年12月2日 还没到（按北京时间）：稿件会带着将来的日期发布' });
    expect(futureDateProblem({ date: new Date('2026-12-02T07:00:00+08:00'), publishAt: new Date('2026-12-02T07:00:00+08:00') }, new Date('2026-12-01T04:00:00Z'))).toBeUndefined();
  });
});
