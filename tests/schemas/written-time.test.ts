import { describe, expect, it } from 'vitest';
import { beijingInstantSchema, calendarDateSchema, readCalendarDate, readInstant, readWrittenTime, writtenInstantSchema } from '../../src/schemas/written-time';

const date = (reading: ReturnType<typeof readInstant>) => (reading.ok ? reading.date.toISOString() : reading.message);

describe('readCalendarDate', () => {
  it('reads a day as UTC midnight, whatever the machine’s zone', () => {
    expect(date(readCalendarDate('2026-12-01'))).toBe('2026-12-01T00:00:00.000Z');
    expect(date(readCalendarDate('2028-02-29'))).toBe('2028-02-29T00:00:00.000Z');
  });

  it.each([
    ['2026-13-01', '没有 13 月'],
    ['2026-00-10', '没有 0 月'],
    ['2026-02-29', '2026 年 2 月只有 28 天'],
    ['2026-04-31', '2026 年 4 月只有 30 天'],
    ['2026-12-00', '2026 年 12 月只有 31 天'],
  ])('refuses %s, which would roll over', (text, why) => {
    const reading = readCalendarDate(text);
    expect(reading).toMatchObject({ ok: false, readable: true, message: `${text} 不是真实的日期：${why}` });
  });

  it('tells text that is not a date apart from an impossible one', () => {
    expect(readCalendarDate('2023年9月14日')).toMatchObject({ ok: false, readable: false });
  });
});

describe('readInstant', () => {
  it('reads the zone as written', () => {
    expect(date(readInstant('2026-12-02T18:30:00+08:00'))).toBe('2026-12-02T10:30:00.000Z');
    expect(date(readInstant('2026-12-02 18:30+0800'))).toBe('2026-12-02T10:30:00.000Z');
    expect(date(readInstant('2026-12-02T10:30:00Z'))).toBe('2026-12-02T10:30:00.000Z');
    expect(date(readInstant('2026-12-02T05:30:00-05:00'))).toBe('2026-12-02T10:30:00.000Z');
  });

  it.each(['2026-12-02T18:30:00', '2026-12-02 18:30'])('refuses %s, which has no zone, and writes the fix', (text) => {
    expect(readInstant(text)).toMatchObject({ ok: false, readable: true, fix: expect.stringMatching(/^写成 2026-12-02T18:30:00\+08:00/) });
  });

  it.each([
    ['2026-02-30T18:30:00+08:00', '不是真实的日期'],
    ['2026-13-02T18:30:00+08:00', '不是真实的日期'],
    ['2026-12-02T25:30:00+08:00', '不是真实的时间'],
    ['2026-12-02T18:61:00+08:00', '不是真实的时间'],
    ['2026-12-02T18:30:60+08:00', '不是真实的时间'],
    ['2026-12-02T18:30:00+15:00', '时区'],
  ])('refuses %s', (text, why) => {
    const reading = readInstant(text);
    expect(reading.ok).toBe(false);
    expect(reading.ok || reading.message).toContain(why);
  });
});

describe('years outside 2000–2099 (a typo guard for every content date and time)', () => {
  it.each(['1826-12-04', '1999-12-31', '2100-01-01', '0226-12-04'])('refuses the day %s', (text) => {
    expect(readCalendarDate(text)).toMatchObject({ ok: false, readable: true, message: expect.stringContaining('2000–2099') });
  });

  it.each(['1826-12-04T18:30:00+08:00', '2100-01-01T00:00:00Z', '1999-12-31 23:59+08:00'])('refuses the time %s', (text) => {
    expect(readWrittenTime(text)).toMatchObject({ ok: false, readable: true, message: expect.stringContaining('2000–2099') });
  });

  it('refuses a Date the YAML parser made from such a year (Astro’s build reads frontmatter that way)', () => {
    expect(calendarDateSchema('日期无效').safeParse(new Date('1826-12-04T00:00:00Z')).error!.issues[0]!.message).toContain('2000–2099');
    expect(writtenInstantSchema('时间无效').safeParse(new Date('1999-12-31T15:59:00Z')).success).toBe(false);
    expect(writtenInstantSchema('时间无效').safeParse(new Date('1999-12-31T16:00:00Z')).success).toBe(true);
  });

  it('takes the first and last years of the range', () => {
    expect(date(readCalendarDate('2000-01-01'))).toBe('2000-01-01T00:00:00.000Z');
    expect(date(readInstant('2099-12-31T23:59:59+08:00'))).toBe('2099-12-31T15:59:59.000Z');
  });
});

describe('beijingInstantSchema (screening times: the cinema is in China)', () => {
  it('takes Beijing time written with +08:00', () => {
    expect(beijingInstantSchema('startsAt').parse('2026-12-04T18:30:00+08:00').toISOString()).toBe('2026-12-04T10:30:00.000Z');
  });

  it.each(['2026-12-04T18:30:00-08:00', '2026-12-04T18:30:00+14:00', '2026-12-04T18:30:00Z', '2026-12-04T18:30:00+0800'])('refuses %s, saying to write +08:00', (text) => {
    const issue = beijingInstantSchema('startsAt').safeParse(text).error?.issues[0];
    expect(issue).toMatchObject({ code: 'custom', params: { fix: '写成 2026-12-04T18:30:00+08:00' } });
    expect(issue!.message).toContain('+08:00');
  });

  it('refuses a year outside 2000–2099', () => {
    expect(beijingInstantSchema('startsAt').safeParse('1826-12-04T18:30:00+08:00').error!.issues[0]!.message).toContain('2000–2099');
  });
});

describe('schemas', () => {
  it('gives the fix with the issue', () => {
    const result = beijingInstantSchema('startsAt').safeParse('2026-12-02T18:30:00');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'custom', params: { fix: '写成 2026-12-02T18:30:00+08:00' } });
  });

  it('takes Dates the YAML parser made (their text is checked where the YAML is read) and checks text', () => {
    const schema = calendarDateSchema('日期无效');
    expect(schema.parse(new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(schema.parse('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(schema.safeParse('2026-02-30').error!.issues[0]!.message).toBe('2026-02-30 不是真实的日期：2026 年 2 月只有 28 天');
    expect(schema.safeParse('2023年9月14日').error!.issues[0]!.message).toBe('日期无效');
    expect(writtenInstantSchema('时间无效').safeParse('2026-12-02 08:00').success).toBe(false);
  });
});
