/**
 * The search page's state lives in its URL (?q=…&type=…&sort=date&page=…), so every list a reader sees can
 * be linked, reloaded and reached without a script: the type chips, the sort links and the pager are plain
 * links to the same page with other parameters. Read leniently (an unknown type or page means "none"), so an
 * old or mangled link still searches, and written in one order so links compare equal.
 */
import { RESULT_TYPES, type ResultType } from './result-types';
import { MAX_PAGE } from './search-limits';

export interface SearchPageParams {
  query: string;
  type?: ResultType;
  /** Newest first (dated pages only) instead of best first. */
  byDate: boolean;
  /** 1-based. */
  page: number;
}

const PAGE_NUMBER = /^[1-9]\d{0,5}$/;

export function readSearchParams(params: URLSearchParams): SearchPageParams {
  const type = params.get('type');
  const page = params.get('page') ?? '';
  return {
    query: params.get('q')?.trim() ?? '',
    // Own keys only: `in` also finds toString, constructor… on the prototype (and older phones lack Object.hasOwn).
    type: type && Object.prototype.hasOwnProperty.call(RESULT_TYPES, type) ? (type as ResultType) : undefined,
    byDate: params.get('sort') === 'date',
    // Past the last page the API serves (an old link to a longer list), its last page.
    page: PAGE_NUMBER.test(page) ? Math.min(Number(page), MAX_PAGE) : 1,
  };
}

function queryString({ query, type, byDate, page }: SearchPageParams): string {
  const params = new URLSearchParams({ q: query });
  if (type) params.set('type', type);
  if (byDate) params.set('sort', 'date');
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** A link to the search page itself with these parameters (page 1 is left out). */
export function searchPageHref(params: SearchPageParams): string {
  return `?${queryString(params)}`;
}

/** The search API's URL for these parameters (docs/api.md, GET /api/search). */
export function searchApiUrl(params: SearchPageParams): string {
  return `/api/search?${queryString(params)}`;
}
