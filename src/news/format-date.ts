import { SITE } from '../config';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: SITE.timeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function shanghaiParts(date: Date): { year: number; month: number; day: number } {
  const get = (type: string) => Number(parts.formatToParts(date).find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
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
