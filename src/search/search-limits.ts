/**
 * The bounds of GET /api/search, apart from its schemas (search-request.ts) so that the search page's
 * script reads them without bundling zod.
 */

/** Longer than any title: a pasted paragraph is not a query. */
export const MAX_QUERY_LENGTH = 100;
export const PAGE_SIZE = 20;
/** Past this page a reader narrows the query; it also bounds what one request makes D1 sort. */
export const MAX_PAGE = 50;
