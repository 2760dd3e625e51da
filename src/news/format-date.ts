import { SITE } from '../config';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: SITE.timeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** By instant: a build formats the same few hundred dates on thousands of pages, and ICU is slow. */
const known = new Map<number, { year: number; month: number; day: number }>();

function shanghaiParts(date: Date): { year: number; month: number; day: number } {
  let found = known.get(date.getTime());
  if (!found) {
    const values = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, Number(part.value)]));
    found = { year: values.year!, month: values.month!, day: values.day! };
    known.set(date.getTime(), found);
  }
  return found;
}

/** 2023年9月14日, as the date falls in Asia/Shanghai. */
export function formatChineseDate(date: Date): string {
  const { year, month, day } = shanghaiParts(date);
  return `${year}年${month}月${day}日`;
}

/** 2023-09-14, for `<time datetime>` and URLs. */
export function isoDay(date: Date): string {
  const { year, month, day } = shanghaiParts(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
