/**
 * The site's search in D1 (the tables of functions/search/migrations): a reader's query as an exact
 * phrase of character pairs first, then, only if that is nowhere, every piece of it anywhere
 * (src/search/fts-query.ts); results ranked by BM25 with the title above headings above the body, or
 * newest first, with counts per type and an excerpt from each page's best passage.
 */
import { ftsQueries } from '../../src/search/fts-query.ts';
import { PASSAGES_PER_DOCUMENT } from '../../src/search/index-statements.ts';
import { RESULT_TYPE_ORDER, type ResultType } from '../../src/search/result-types.ts';
import { resultSnippet } from '../../src/search/result-snippet.ts';
import { PAGE_SIZE, type SearchAnswer, type SearchRequest } from '../../src/search/search-request.ts';

/** BM25 weights of the index's columns: title, headings (kicker, subtitle, keywords), body. */
const WEIGHTS = '10.0, 5.0, 1.0';

// A page's title and passages are separate rows of the index: it counts once, at its best row. (bm25() may
// not sit inside an aggregate, hence the passages' scores first, kept apart by LIMIT -1: SQLite does not
// merge a subquery with a LIMIT into an aggregate query.)
// `required` terms (the fallback's, bound from ?2) must each be in some row of the page, not all in one:
// its title and passages are apart, and a reader's 工会 驿站 may be one in the title, one in the body.
const hits = (required: number) => `SELECT document_id, passage_id, min(score) AS score FROM (
    SELECT rowid / ${PASSAGES_PER_DOCUMENT} AS document_id, rowid AS passage_id, bm25(search_terms, ${WEIGHTS}) AS score
    FROM search_terms WHERE search_terms MATCH ?1 LIMIT -1
  ) ${Array.from({ length: required }, (_, k) => `${k === 0 ? 'WHERE' : 'AND'} document_id IN (SELECT rowid / ${PASSAGES_PER_DOCUMENT} FROM search_terms WHERE search_terms MATCH ?${2 + k})`).join(' ')} GROUP BY document_id`;

// `dated`: the type's results that the by-date order lists (it leaves undated pages out).
const countsSql = (required: number) => `SELECT d.type AS type, count(*) AS n, count(d.date) AS dated FROM (${hits(required)}) AS hit JOIN search_documents AS d ON d.id = hit.document_id GROUP BY d.type`;

// Ordered and cut first; only the page of results then reads its passages. A page found by its title
// (row 0: index-statements.ts) shows its first passage.
const resultsSql = (order: string, required: number) => `SELECT top.*, (SELECT text FROM search_passages WHERE id = max(top.passage_id, top.id * ${PASSAGES_PER_DOCUMENT} + 1)) AS passage FROM (
  SELECT d.id, d.url, d.type, d.title, d.date, d.summary, hit.passage_id, hit.score
  FROM (${hits(required)}) AS hit JOIN search_documents AS d ON d.id = hit.document_id
  WHERE (?${required + 2} IS NULL OR d.type = ?${required + 2}) AND (?${required + 3} = 0 OR d.date IS NOT NULL)
  ORDER BY ${order} LIMIT ?${required + 4} OFFSET ?${required + 5}
) AS top ORDER BY ${order.replaceAll('d.', 'top.').replaceAll('hit.', 'top.')}`;

const BY_RELEVANCE = 'hit.score, d.id';
const BY_DATE = 'd.date DESC, d.id DESC';

interface ResultRow {
  url: string;
  type: ResultType;
  title: string;
  date: string | null;
  summary: string | null;
  passage: string | null;
}

function emptyCounts(): Record<ResultType, number> {
  return Object.fromEntries(RESULT_TYPE_ORDER.map((type) => [type, 0])) as Record<ResultType, number>;
}

/** The pages `match` finds (ranked by it) that also hold every one of `required`. */
async function run(db: D1Database, match: string, required: readonly string[], request: SearchRequest, type: ResultType | null) {
  const byDate = request.sort === 'date';
  const [counts, results] = await db.batch([
    db.prepare(countsSql(required.length)).bind(match, ...required),
    db.prepare(resultsSql(byDate ? BY_DATE : BY_RELEVANCE, required.length)).bind(match, ...required, type, byDate ? 1 : 0, PAGE_SIZE, (request.page - 1) * PAGE_SIZE),
  ]);
  const perType = emptyCounts();
  const datedPerType = emptyCounts();
  for (const row of (counts!.results ?? []) as { type: ResultType; n: number; dated: number }[]) {
    perType[row.type] = row.n;
    datedPerType[row.type] = row.dated;
  }
  const listed = byDate ? datedPerType : perType;
  return { counts: perType, total: type ? listed[type] : Object.values(listed).reduce((sum, n) => sum + n, 0), rows: (results!.results ?? []) as ResultRow[] };
}

/** The answer to one search request. */
export async function searchArchive(db: D1Database, request: SearchRequest): Promise<SearchAnswer> {
  // By date, only stories are dated: without a type, the newest stories.
  const type = request.type ?? (request.sort === 'date' ? 'news' : null);
  const answer = ({ counts, total, rows }: Awaited<ReturnType<typeof run>>, fellBack: boolean): SearchAnswer => ({
    query: request.q,
    type: request.type ?? null,
    sort: request.sort,
    page: request.page,
    pageSize: PAGE_SIZE,
    total,
    counts,
    fellBack,
    results: rows.map((row) => ({
      url: row.url,
      type: row.type,
      title: row.title,
      date: row.date,
      excerpt: resultSnippet({ passage: row.passage ?? '', summary: row.summary }, request.q),
    })),
  });
  const queries = ftsQueries(request.q);
  if (!queries) return answer({ counts: emptyCounts(), total: 0, rows: [] }, false);
  const exact = await run(db, queries.phrase, [], request, type);
  const found = Object.values(exact.counts).some((n) => n > 0);
  if (found || !queries.fallback) return answer(exact, false);
  const anywhere = await run(db, queries.fallback.join(' OR '), queries.fallback, request, type);
  return answer(anywhere, true);
}
