import { z } from 'astro/zod';

/**
 * Dates and times as editors write them, read the same on every machine. `new Date(text)` and the YAML
 * parsers roll impossible values over (2026-02-30 → 2 March, month 13 → next January) and read a time
 * without a zone in the build machine's zone, so the written text is checked here, field by field.
 */
export type WrittenTime =
  | { ok: true; date: Date }
  /** `readable`: written in the right shape, but not a real day or time, or without its zone. */
  | { ok: false; readable: boolean; message: string; fix: string };

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?[ \t]*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const two = (n: number | string) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why year-month-day is not a day on the calendar, or undefined when it is one. */
function impossibleDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `没有 ${month} 月`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${year} 年 ${month} 月只有 ${days} 天`;
  return undefined;
}

const DAY_FIX = '月份是 1–12，日期不超过那个月的天数，如 2026-12-01';

/**
 * A typo guard, fixed rather than relative to the build date so that a file checks the same every year:
 * no content of this site is dated before 2000 or after 2099, and 1826 or 2206 is a slip of the keys.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

function yearProblem(text: string, year: number): WrittenTime | undefined {
  if (year >= FIRST_YEAR && year <= LAST_YEAR) return undefined;
  return { ok: false, readable: true, message: `${text} 的年份 ${year} 不在 ${FIRST_YEAR}–${LAST_YEAR} 之间，多半是打错了`, fix: '检查年份，如 2026' };
}

/** 2026-12-01 (also 2026-1-5) → that calendar day, as a Date at UTC midnight on every machine. */
export function readCalendarDate(text: string): WrittenTime {
  const match = DATE.exec(text.trim());
  if (!match) return { ok: false, readable: false, message: `“${text}”不是日期`, fix: '写成 2026-12-01' };
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const why = impossibleDay(year, month, day);
  if (why) return { ok: false, readable: true, message: `${text} 不是真实的日期：${why}`, fix: DAY_FIX };
  return yearProblem(text, year) ?? { ok: true, date: new Date(Date.UTC(year, month - 1, day)) };
}

/**
 * 2026-12-02T18:30:00+08:00 (or with a space, without seconds, with Z) → that instant. The zone must be
 * written: a time without one means different instants on different machines. `beijingOnly`: the zone
 * must be +08:00 exactly (the cinema's times: another zone is a mistake, not a screening abroad).
 */
export function readInstant(text: string, { beijingOnly = false }: { beijingOnly?: boolean } = {}): WrittenTime {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return { ok: false, readable: false, message: `“${text}”不是带时区的时间`, fix: '写成 2026-12-02T18:30:00+08:00，北京时间后面加 +08:00' };
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = Number(match[6] ?? 0);
  const why = impossibleDay(year, month, day);
  if (why) return { ok: false, readable: true, message: `${text} 不是真实的日期：${why}`, fix: DAY_FIX };
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, readable: true, message: `${text} 不是真实的时间：小时是 0–23，分和秒是 0–59`, fix: '改成真实的时间，如 18:30:00' };
  }
  const written = `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
  const zone = match[8];
  if (!zone) {
    return { ok: false, readable: true, message: `${text} 没有写时区：北京时间要在后面加 +08:00，不然不同的电脑会读成不同的时间`, fix: `写成 ${written}+08:00` };
  }
  if (beijingOnly && zone !== '+08:00') {
    return { ok: false, readable: true, message: `${text} 的时区不是 +08:00：影院在北京时间，场次时间只接受 +08:00`, fix: `写成 ${written}+08:00` };
  }
  const wrongYear = yearProblem(text, year);
  if (wrongYear) return wrongYear;
  const offset = /^[zZ]$/.exec(zone) ? 0 : offsetMinutes(zone);
  if (offset === undefined) return { ok: false, readable: true, message: `${text} 的时区 ${zone} 不对`, fix: `北京时间写成 ${written}+08:00` };
  const millis = Math.round(Number(match[7] ?? 0) * 1000);
  return { ok: true, date: new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000) };
}

/** +08:00, +0800, +08 → 480; undefined past ±14:00 or minutes ≥ 60. */
function offsetMinutes(zone: string): number | undefined {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  if (Number(minutes ?? 0) > 59 || total > 14 * 60) return undefined;
  return sign === '-' ? -total : total;
}

/** Reads text as a date-time when it has a time part, else as a calendar date: what a YAML timestamp holds. */
export function readWrittenTime(text: string): WrittenTime {
  return /\d[Tt \t]+\d/.test(text.trim()) ? readInstant(text) : readCalendarDate(text);
}

/** Turns a failed reading into a zod issue that carries the fix (src/content-check/zod-issues.ts prints it). */
function refuse(ctx: z.RefinementCtx, reading: Extract<WrittenTime, { ok: false }>): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: reading.message, params: { fix: reading.fix } });
  return z.NEVER;
}

/**
 * A Beijing time written with +08:00, as text (the cinema's YAML is read without YAML timestamps, so a
 * value is always its written text): a screening's times. `field` names it in messages.
 */
export function beijingInstantSchema(field: string) {
  return z
    .string({ error: `${field} 应写成北京时间，如 2026-12-02T18:30:00+08:00` })
    .transform((text, ctx) => {
      const reading = readInstant(text, { beijingOnly: true });
      return reading.ok ? reading.date : refuse(ctx, reading);
    });
}

/**
 * A value a YAML timestamp may already have turned into a Date (Astro reads frontmatter that way; the text
 * behind such a Date is checked where the YAML is read: src/content-check/written-times.ts), or text,
 * checked here with `read`. `invalid` is the message for anything else.
 */
function writtenOrParsed(read: (text: string) => WrittenTime, invalid: string) {
  return z.union([z.date(), z.string()], { error: invalid }).transform((value, ctx) => {
    if (value instanceof Date) {
      // Its year in Beijing, as the editor wrote it (1 January 2000 at 00:00+08:00 is 1999 in UTC).
      const wrongYear = yearProblem(value.toISOString(), new Date(value.getTime() + 8 * 3_600_000).getUTCFullYear());
      return wrongYear && !wrongYear.ok ? refuse(ctx, wrongYear) : value;
    }
    const reading = read(value);
    if (reading.ok) return reading.date;
    if (reading.readable) return refuse(ctx, reading);
    ctx.addIssue({ code: 'custom', message: invalid });
    return z.NEVER;
  });
}

/** A calendar day (or a time with its zone): a story's date. */
export const calendarDateSchema = (invalid: string) => writtenOrParsed(readWrittenTime, invalid);

/** A time with its zone: a story's publishAt. */
export const writtenInstantSchema = (invalid: string) => writtenOrParsed(readInstant, invalid);
