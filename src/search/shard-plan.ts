/**
 * Which pages go in which shard of the search index. Stories are taken in date order, oldest first,
 * across years, and cut into shards of `shardSize` pages (the newest shard holds the rest); undated pages
 * (honors, programs, the cinema) form the site shard, the primary index that the search page loads
 * first. A story published today lands in the newest shard, so only that shard changes; a story dated
 * back shifts every shard after it. A shard is rebuilt when its fingerprint changes: the hash of the
 * indexer's version and of every page's URL and index document, in order.
 *
 * Why across years and not per year: the browser fetches, for each word of a query, one index chunk of
 * ~20 KiB from every shard (Pagefind cuts every index into chunks of ~20,000 word positions), so the
 * bytes of a cold query follow the number of shards, not the size of the archive (BENCHMARKS.md §9).
 */
import { createHash } from 'node:crypto';
import type { IndexDocument } from './index-document.ts';

export const SITE_SHARD = 'site';

export interface Shard {
  /** `site`, or the shard's number in date order, oldest first: `1`, `2` … */
  key: string;
  pages: IndexDocument[];
  fingerprint: string;
}

export function fingerprint(indexerVersion: string, pages: readonly IndexDocument[]): string {
  const hash = createHash('sha256').update(indexerVersion);
  for (const page of pages) hash.update(`\0${page.url}\0${page.html}`);
  return hash.digest('hex').slice(0, 20);
}

/** The shards: the site shard first, then the stories' shards newest first. */
export function planShards(documents: readonly IndexDocument[], shardSize: number, indexerVersion: string): Shard[] {
  const site = documents.filter((doc) => !doc.date);
  const stories = documents.filter((doc) => doc.date).sort((a, b) => a.date!.localeCompare(b.date!) || a.url.localeCompare(b.url));
  const storyShards: Shard[] = [];
  for (let i = 0; i * shardSize < stories.length; i++) {
    const pages = stories.slice(i * shardSize, (i + 1) * shardSize);
    storyShards.push({ key: String(i + 1), pages, fingerprint: fingerprint(indexerVersion, pages) });
  }
  return [{ key: SITE_SHARD, pages: site, fingerprint: fingerprint(indexerVersion, site) }, ...storyShards.reverse()];
}
