/**
 * The built site's searchable pages: every .html file under the site folder read into its search
 * document (src/search/page-document.ts) with its fingerprint, the sha-256 of the document's JSON and
 * the index's layout.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_LAYOUT } from '../../src/search/index-statements.ts';
import { pageDocument } from '../../src/search/page-document.ts';
import type { FingerprintedDocument } from '../../src/search/reindex-scripts.ts';
import { ReindexError } from './reindex-error.ts';

/** A page's URL from its file's path in the site: news/a/index.html → /news/a/, about.html → /about (as Workers serves it). */
export function builtPageUrl(relativePath: string): string {
  const posix = relativePath.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
}

/** The site's .html files, relative to it, in order. */
export function htmlFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The document's hash, and the index's layout: after a change to the layout every page is written again. */
export const documentFingerprint = (document: unknown) => createHash('sha256').update(`layout ${INDEX_LAYOUT}\n`).update(JSON.stringify(document)).digest('hex');

/**
 * The documents of the given files (paths relative to the site), by URL; pages with nothing searchable
 * are left out. Throws naming the file of a page whose searchable part is malformed.
 */
export function readDocuments(site: string, files: readonly string[]): [string, FingerprintedDocument][] {
  const documents: [string, FingerprintedDocument][] = [];
  for (const file of files) {
    const url = builtPageUrl(file);
    let document;
    try {
      document = pageDocument(url, readFileSync(path.join(site, file), 'utf8'));
    } catch (error) {
      throw new ReindexError(`页面 ${path.join(site, file)} 无法编入搜索：${(error as Error).message}`);
    }
    if (document) documents.push([url, { document, fingerprint: documentFingerprint(document) }]);
  }
  return documents;
}
