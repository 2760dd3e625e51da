import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app';
import { generateArchive, pageHtml } from '../../bench/search/archive';
import { sentencesOf } from '../../bench/build/corpus';
import { measureQuality, summarise, type QueryScore } from '../../bench/search/quality';
import { pageDocument } from '../../src/search/page-document';
import { emptySearch, indexPages } from './helpers/search';

// The small version of `npm run bench:search`: 300 generated stories (bench/search/archive.ts, right
// answers known by construction), their search documents read from their markup and indexed into D1 by
// the statements the reindex writes, searched through GET /api/search as a reader's browser does.
const STORIES = 300;
// The corpus the archive's sentences come from: the real stories (workerd has no file system).
const storyFiles = import.meta.glob<string>('../../content/news/*.{md,mdx}', { query: '?raw', import: 'default', eager: true });

const app = createApp();
let scores: QueryScore[];

beforeAll(async () => {
  // Scores are taken here, before the setup's beforeEach empties the search for each test.
  await emptySearch();
  const corpus = sentencesOf(Object.keys(storyFiles).sort().map((file) => storyFiles[file]!));
  const archive = generateArchive(STORIES, corpus);
  await indexPages([...archive.stories, ...archive.programs].map((page) => pageDocument(page.url, pageHtml(page))!));
  // Without the search's rate limit: some 500 queries from one address.
  const unlimited = { ...env, SEARCH_LIMIT_CLIENT: undefined };
  scores = await measureQuality((pathAndQuery) => app.request(pathAndQuery, {}, unlimited), archive.queries, { concurrency: 1, progress: false });
}, 600_000);

describe('search quality on a generated archive, from D1', () => {
  it.each(['name', 'place', 'two-character word', 'inside a longer word', 'phrase'] as const)('finds %s queries with precision@10 and recall of at least 0.95', (kind) => {
    const of = scores.filter((score) => score.kind === kind);
    expect(of.length).toBeGreaterThan(0);
    const summary = summarise(of);
    const misses = of.filter((s) => s.precisionAt10 < 1 || s.recall < 1).map((s) => `${s.query}: p@10 ${s.precisionAt10}, recall ${s.recall}`);
    expect(summary.precisionAt10, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every story by its title, in the first ten results', () => {
    const titles = scores.filter((s) => s.kind === 'title');
    expect(titles).toHaveLength(STORIES);
    expect(titles.filter((s) => !s.titleFound).map((s) => s.query)).toEqual([]);
  });
});
