/**
 * The reindex's SQL cut into files for `wrangler d1 execute --file`, each at most so many bytes (D1
 * takes an imported file whole, and a smaller one fails less on a slow link). A page's statements are
 * never split between files: each file holds whole pages, so a run that stops between files leaves
 * every page either written or as it was.
 */

/** Bytes per file: well below what D1's import takes. */
export const SQL_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The scripts (one per page, in order) joined into files of at most `maxBytes` (UTF-8), a page larger
 * than that alone in its file; made one at a time, so a full reindex never holds all its SQL at once.
 */
export function* sqlFiles(pageScripts: Iterable<string>, maxBytes = SQL_FILE_BYTES): Generator<string> {
  let parts: string[] = [];
  let bytes = 0;
  for (const script of pageScripts) {
    const size = Buffer.byteLength(script);
    if (parts.length > 0 && bytes + size > maxBytes) {
      yield parts.join('');
      parts = [];
      bytes = 0;
    }
    parts.push(script);
    bytes += size;
  }
  if (parts.length > 0) yield parts.join('');
}
