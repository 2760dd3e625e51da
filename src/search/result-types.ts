/**
 * What kinds of page search finds, each with the label a result carries and where a reader browses that
 * kind instead. Pages declare their kind to the index with `data-pagefind-filter={searchFilter(kind)}`, so
 * the search page can label each result and narrow to one kind.
 */
export const RESULT_TYPES = {
  news: { label: '新闻', browse: '/news/' },
  honors: { label: '光荣榜', browse: '/honors/' },
  programs: { label: '服务项目', browse: '/programs/' },
  cinema: { label: '影院', browse: '/cinema/' },
} as const;

export type ResultType = keyof typeof RESULT_TYPES;

/** The Pagefind filter every result is typed by. */
export const TYPE_FILTER = 'type';

/** The value of a page's `data-pagefind-filter` attribute: `type:光荣榜`. */
export function searchFilter(type: ResultType): string {
  return `${TYPE_FILTER}:${RESULT_TYPES[type].label}`;
}

/** The result types in the order the search page lists them. */
export const RESULT_TYPE_ORDER = Object.keys(RESULT_TYPES) as ResultType[];
