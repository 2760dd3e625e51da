import { Hono } from 'hono';
import { searchRequestSchema } from '../../src/search/search-request.ts';
import type { AppEnv } from '../env.ts';
import { clientAddress, rateLimit } from '../rate-limit.ts';
import { refusal } from '../refusals.ts';
import { searchArchive } from '../search/search-archive.ts';

/** The same for every reader until the next deploy reindexes: browsers and caches may keep it a while. */
const CACHE_CONTROL = 'public, max-age=300';

/** Which refusal a malformed request gets: a missing or overlong query is the reader's; the rest is a link's. */
function refusalFor(issues: { path: PropertyKey[]; code: string }[]) {
  const query = issues.find((issue) => issue.path[0] === 'q');
  if (query) return refusal(query.code === 'too_big' ? 'search_query_too_long' : 'search_query_missing');
  return refusal('search_bad_parameter', { parameters: [...new Set(issues.map((issue) => String(issue.path[0])))] });
}

/** GET /api/search?q=…&type=…&sort=relevance|date&page=N (docs/api.md › Search). */
export const searchRoutes = () =>
  new Hono<AppEnv>().get('/', rateLimit([{ binding: 'SEARCH_LIMIT_CLIENT', key: clientAddress }], 60), async (c) => {
    const parsed = searchRequestSchema.safeParse({ ...c.req.query(), q: c.req.query('q') ?? '' });
    if (!parsed.success) throw refusalFor(parsed.error.issues);
    let answer;
    try {
      answer = await searchArchive(c.env.SEARCH, parsed.data);
    } catch (error) {
      // D1 unreachable, or the tables not made yet (a deploy before its first reindex).
      console.error('search failed', error instanceof Error ? error.message : error);
      throw refusal('search_unavailable');
    }
    return c.json(answer, 200, { 'Cache-Control': CACHE_CONTROL });
  });
