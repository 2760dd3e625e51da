/**
 * What kinds of page search finds, each with the label a result carries and where a reader browses that
 * kind instead. Pages declare their kind with `data-search-body="news"` on their searchable part
 * (src/search/page-document.ts), so the search can label each result and narrow to one kind.
 */
export const RESULT_TYPES = {
  news: { label: '新闻', browse: '/news/' },
  honors: { label: '光荣榜', browse: '/honors/' },
  programs: { label: '服务项目', browse: '/programs/' },
  cinema: { label: '影院', browse: '/cinema/' },
} as const;

export type ResultType = keyof typeof RESULT_TYPES;

/** The result types in the order the search page lists them. */
export const RESULT_TYPE_ORDER = Object.keys(RESULT_TYPES) as [ResultType, ...ResultType[]];
