/**
 * What a reindex must write: the built site's pages against what the search holds, each side a page's
 * URL with its fingerprint (a hash of its search document). Only added and changed pages are written
 * and removed ones deleted, so a rebuild after one new story writes that story alone.
 */

export interface Fingerprinted {
  url: string;
  fingerprint: string;
}

export interface ReindexDiff {
  /** Built, not in the search. */
  added: string[];
  /** In both, with another fingerprint (or all of them when a full reindex is asked for). */
  changed: string[];
  /** In the search, no longer built. */
  removed: string[];
  unchanged: string[];
}

/**
 * The URLs in each class, each list sorted. `full` rewrites every page the site has (after a change to
 * how pages are indexed, which leaves their documents and so their fingerprints as they were).
 *
 * @example reindexDiff([{ url: '/a/', fingerprint: '1' }], [{ url: '/b/', fingerprint: '2' }]) // { added: ['/a/'], changed: [], removed: ['/b/'], unchanged: [] }
 */
export function reindexDiff(built: readonly Fingerprinted[], stored: readonly Fingerprinted[], { full = false } = {}): ReindexDiff {
  const held = new Map(stored.map((row) => [row.url, row.fingerprint]));
  const builtUrls = new Set<string>();
  const diff: ReindexDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const { url, fingerprint } of built) {
    if (builtUrls.has(url)) throw new Error(`two built pages have the URL ${url}`);
    builtUrls.add(url);
    const before = held.get(url);
    if (before === undefined) diff.added.push(url);
    else if (full || before !== fingerprint) diff.changed.push(url);
    else diff.unchanged.push(url);
  }
  diff.removed = [...held.keys()].filter((url) => !builtUrls.has(url));
  for (const list of Object.values(diff)) list.sort();
  return diff;
}
