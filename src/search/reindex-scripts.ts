/**
 * The SQL of a reindex, one script per page (index-statements.ts): removed pages deleted, added and
 * changed pages written. wrangler applies each file whole or not at all (locally as one batch, on
 * Cloudflare as an import that rolls back), and a file holds whole pages (sql-files.ts), so a run that
 * stops part-way leaves each page as it was or written, and the next run writes the rest.
 *
 * An added page is not in the search, so its script leaves out the deletions that open an upsert:
 * `wrangler d1 execute --local` takes some 3 ms a statement, and they are three of a story's six.
 */
import { deleteStatements, sqlScript, upsertStatements } from './index-statements.ts';
import type { ReindexDiff } from './reindex-diff.ts';
import type { SearchDocument } from './search-document.ts';

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
    const upsert = upsertStatements(page.document, page.fingerprint);
    yield sqlScript(isNew ? upsert.slice(deleteStatements(url).length) : upsert);
  }
}
