/**
 * The SQL of a reindex, one script per page (index-statements.ts): removed pages deleted, added and
 * changed pages written. A written page's fingerprint goes in last, so a run cut off inside a page
 * leaves it with a fingerprint that matches nothing, and the next run writes the page again.
 *
 * An added page is not in the search (a page cut off part-way is there, as changed), so its script
 * leaves out the deletions that open an upsert: `wrangler d1 execute --local` takes some 3 ms a
 * statement, and they are three of a story's seven.
 */
import { deleteStatements, sqlScript, upsertStatements } from './index-statements.ts';
import type { ReindexDiff } from './reindex-diff.ts';
import type { SearchDocument } from './search-document.ts';

/** What a page is held under until its last statement has run. */
export const UNFINISHED = '';

export interface FingerprintedDocument {
  document: SearchDocument;
  fingerprint: string;
}

/** The scripts in order: deletions first, then the written pages. */
export function* reindexScripts(diff: ReindexDiff, built: ReadonlyMap<string, FingerprintedDocument>): Generator<string> {
  for (const url of diff.removed) yield sqlScript(deleteStatements(url));
  const written = [...diff.added.map((url) => ({ url, isNew: true })), ...diff.changed.map((url) => ({ url, isNew: false }))];
  for (const { url, isNew } of written) {
    const page = built.get(url);
    if (!page) throw new Error(`no built document for ${url}`);
    const upsert = upsertStatements(page.document, UNFINISHED);
    yield sqlScript([
      ...(isNew ? upsert.slice(deleteStatements(url).length) : upsert),
      { sql: 'UPDATE search_documents SET fingerprint = ? WHERE url = ?', params: [page.fingerprint, url] },
    ]);
  }
}
