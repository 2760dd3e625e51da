/**
 * The SQL that puts one page into the search (functions/search/migrations) or takes it out, as
 * statements with bound values: the Worker's tests run them through D1's batch, and
 * `npm run search:reindex` writes them as a script for `wrangler d1 execute --file`.
 */
import { encodeForIndex } from './han-bigrams.ts';
import { passages } from './passages.ts';
import type { SearchDocument } from './search-document.ts';

export type SqlValue = string | number | null;
export interface Statement {
  sql: string;
  params: SqlValue[];
}

/**
 * Index rows are document id × PASSAGES_PER_DOCUMENT + a place: 0 holds the title and headings alone,
 * 1… the body's passages. On a row of its own a title is ranked by its own length: BM25 divides by the
 * row's, and with the body beside it a story titled exactly as the query fell behind longer titles
 * that begin with it (16 of 1,000 titles at 30,000 stories, bench:search).
 */
export const PASSAGES_PER_DOCUMENT = 1000;

/**
 * The version of the rows' layout and encoding, part of every page's fingerprint: a change to either
 * makes the next reindex write every page again (a page's document alone would not have changed).
 */
export const INDEX_LAYOUT = 3;
const ID = '(SELECT id FROM search_documents WHERE url = ?)';

/** Takes the page at `url` out of the search (nothing happens if it is not in it). */
export function deleteStatements(url: string): Statement[] {
  const range = `rowid BETWEEN ${ID} * ${PASSAGES_PER_DOCUMENT} AND ${ID} * ${PASSAGES_PER_DOCUMENT} + ${PASSAGES_PER_DOCUMENT - 1}`;
  return [
    { sql: `DELETE FROM search_terms WHERE ${range}`, params: [url, url] },
    { sql: `DELETE FROM search_passages WHERE ${range}`, params: [url, url] },
    { sql: 'DELETE FROM search_documents WHERE url = ?', params: [url] },
  ];
}

/**
 * Puts the page into the search, replacing what was there under its URL. Throws if the page is too
 * long to index (more than PASSAGES_PER_DOCUMENT passages, some four million characters).
 */
export function upsertStatements(document: SearchDocument, fingerprint: string): Statement[] {
  const parts = passages(document.body);
  if (parts.length >= PASSAGES_PER_DOCUMENT) throw new Error(`${document.url}: the page is too long to search (${parts.length} passages, at most ${PASSAGES_PER_DOCUMENT - 1})`);
  const rowId = (place: number) => `${ID} * ${PASSAGES_PER_DOCUMENT} + ${place}`;
  return [
    ...deleteStatements(document.url),
    {
      sql: 'INSERT INTO search_documents (url, type, title, date, summary, fingerprint) VALUES (?, ?, ?, ?, ?, ?)',
      params: [document.url, document.type, document.title, document.date ?? null, document.summary ?? null, fingerprint],
    },
    { sql: `INSERT INTO search_terms (rowid, title, headings, body) VALUES (${rowId(0)}, ?, ?, '')`, params: [document.url, encodeForIndex(document.title), encodeForIndex(document.headings)] },
    ...parts.flatMap((text, i) => [
      { sql: `INSERT INTO search_passages (id, text) VALUES (${rowId(i + 1)}, ?)`, params: [document.url, text] },
      { sql: `INSERT INTO search_terms (rowid, title, headings, body) VALUES (${rowId(i + 1)}, '', '', ?)`, params: [document.url, encodeForIndex(text)] },
    ]),
  ];
}

/** A value as an SQL literal. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not an SQL number: ${value}`);
    return String(value);
  }
  // NUL ends a string for SQLite's parser: no page text needs one.
  return `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`;
}

/** The statements as one SQL script, values written in. */
export function sqlScript(statements: readonly Statement[]): string {
  return statements
    .map(({ sql, params }) => {
      let i = 0;
      const written = sql.replace(/\?/g, () => {
        if (i >= params.length) throw new Error(`too few values for: ${sql}`);
        return sqlLiteral(params[i++]!);
      });
      if (i !== params.length) throw new Error(`too many values for: ${sql}`);
      return `${written};\n`;
    })
    .join('');
}
