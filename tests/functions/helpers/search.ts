import { env } from 'cloudflare:test';
import { deleteStatements, upsertStatements, type Statement } from '../../../src/search/index-statements';
import type { SearchDocument } from '../../../src/search/search-document';

const prepared = (statements: Statement[]) => statements.map(({ sql, params }) => env.SEARCH.prepare(sql).bind(...params));

/** Puts the pages into the test's search, as `npm run search:reindex` does. */
export async function indexPages(documents: SearchDocument[]): Promise<void> {
  // D1 caps a batch's size: a few pages at a time.
  for (let i = 0; i < documents.length; i += 20) {
    await env.SEARCH.batch(prepared(documents.slice(i, i + 20).flatMap((document) => upsertStatements(document, `fp-${document.url}`))));
  }
}

export async function unindexPage(url: string): Promise<void> {
  await env.SEARCH.batch(prepared(deleteStatements(url)));
}

/** A story with the defaults a test does not care about. */
export function story(url: string, fields: Partial<SearchDocument>): SearchDocument {
  return { url, type: 'news', title: '标题', date: '2024-01-01', headings: '', body: '', ...fields };
}
