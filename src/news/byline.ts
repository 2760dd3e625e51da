import type { Credit } from '../schemas/news-schema';

/** The byline line above a story: 本报记者 杨明清 张嫱 本报通讯员 王哲. */
export function formatByline(byline: readonly Credit[]): string {
  return byline.map((credit) => `${credit.role} ${credit.names.join(' ')}`).join(' ');
}

/** The lead-in of a dateline story: 本报讯（记者柳姗姗 彭冰 通讯员姚远）. */
export function formatDateline(dateline: string, byline: readonly Credit[]): string {
  if (byline.length === 0) return dateline;
  return `${dateline}（${byline.map((credit) => `${credit.role}${credit.names.join(' ')}`).join(' ')}）`;
}

/** Everyone credited, for structured data. */
export function creditedNames(byline: readonly Credit[]): string[] {
  return [...new Set(byline.flatMap((credit) => credit.names))];
}
