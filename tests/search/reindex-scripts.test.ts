import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { reindexDiff } from '../../src/search/reindex-diff';
import { reindexScripts, type FingerprintedDocument } from '../../src/search/reindex-scripts';
import type { SearchDocument } from '../../src/search/search-document';

const doc = (url: string, body: string): SearchDocument => ({ url, type: 'news', title: `标题${url}`, date: '2026-11-30', headings: '', body });
const site = (pages: [string, string, string][]) => new Map(pages.map(([url, body, fingerprint]): [string, FingerprintedDocument] => [url, { document: doc(url, body), fingerprint }]));

/** SQLite with the search's schema (node:sqlite: same FTS5 as D1, no wrangler needed). */
function database() {
  const db = new DatabaseSync(':memory:');
  db.exec(readFileSync('functions/search/migrations/0001_search_documents.sql', 'utf8'));
  return db;
}
const stored = (db: DatabaseSync) => db.prepare('SELECT url, fingerprint FROM search_documents ORDER BY url').all() as { url: string; fingerprint: string }[];
const reindex = (db: DatabaseSync, built: ReturnType<typeof site>) => {
  const diff = reindexDiff([...built].map(([url, { fingerprint }]) => ({ url, fingerprint })), stored(db));
  for (const script of reindexScripts(diff, built)) db.exec(script);
  return diff;
};
const found = (db: DatabaseSync, phrase: string) =>
  (db.prepare(`SELECT d.url FROM search_terms t JOIN search_documents d ON t.rowid / 1000 = d.id WHERE search_terms MATCH ? ORDER BY d.url`).all(phrase) as { url: string }[]).map((row) => row.url);

describe('reindexScripts', () => {
  it('writes added pages, rewrites changed ones without leaving their old text, and deletes removed ones', () => {
    const db = database();
    reindex(db, site([['/news/a/', '惠工影院放映。', '1'], ['/news/b/', '职工书屋开放。', '2'], ['/news/c/', '劳模体检。', '3']]));
    expect(stored(db)).toEqual([{ url: '/news/a/', fingerprint: '1' }, { url: '/news/b/', fingerprint: '2' }, { url: '/news/c/', fingerprint: '3' }]);
    expect(found(db, '"影院"')).toEqual(['/news/a/']);

    const diff = reindex(db, site([['/news/a/', '惠工影院放映。', '1'], ['/news/b/', '困难职工帮扶。', '2b']]));
    expect(diff).toMatchObject({ changed: ['/news/b/'], removed: ['/news/c/'], unchanged: ['/news/a/'] });
    expect(found(db, '"书屋"')).toEqual([]);
    expect(found(db, '"帮扶"')).toEqual(['/news/b/']);
    expect(found(db, '"体检"')).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM search_passages').get() as { n: number }).n).toBe(2);
  });

  it('does not delete before writing an added page', () => {
    const [script] = [...reindexScripts(reindexDiff([{ url: '/news/a/', fingerprint: '1' }], []), site([['/news/a/', '正文。', '1']]))];
    expect(script).not.toContain('DELETE');
  });
});
