/**
 * Which pages go in which shard of the search index. Stories are grouped by year and each year cut, in
 * date order, into shards of at most `shardSize` pages; undated pages (honors, programs, the cinema)
 * form the site shard, the primary index that the search page loads first. A story published today
 * lands in its year's last shard, so only that shard changes; a story dated back shifts the shards
 * after it in its own year only. A shard is rebuilt when its fingerprint changes: the hash of the
 * indexer's version and of every page's URL and index document, in order.
 */
import { createHash } from 'node:crypto';
import type { IndexDocument } from './index-document.ts';

export const SITE_SHARD = 'site';

export interface Shard {
  /** `site`, or the year and the shard's number in it: `2024-2`. */
  key: string;
  pages: IndexDocument[];
  fingerprint: string;
}

export function fingerprint(indexerVersion: string, pages: readonly IndexDocument[]): string {
  const hash = createHash('sha256').update(indexerVersion);
  for (const page of pages) hash.update(`\0${page.url}\0${page.html}`);
  return hash.digest('hex').slice(0, 20);
}

/** The shards, the site shard first, then the years newest first. */
export function planShards(documents: readonly IndexDocument[], shardSize: number, indexerVersion: string): Shard[] {
  const site = documents.filter((doc) => !doc.date);
  const byYear = new Map<string, IndexDocument[]>();
  for (const doc of documents.filter((d) => d.date)) {
    const year = doc.date!.slice(0, 4);
    const pages = byYear.get(year) ?? [];
    pages.push(doc);
    byYear.set(year, pages);
  }
  const shards: Shard[] = [{ key: SITE_SHARD, pages: site, fingerprint: fingerprint(indexerVersion, site) }];
  for (const year of [...byYear.keys()].sort().reverse()) {
    const pages = byYear.get(year)!.sort((a, b) => a.date!.localeCompare(b.date!) || a.url.localeCompare(b.url));
    const count = Math.ceil(pages.length / shardSize);
    const yearShards: Shard[] = [];
    for (let i = 0; i < count; i++) {
      const slice = pages.slice(i * shardSize, (i + 1) * shardSize);
      yearShards.push({ key: `${year}-${i + 1}`, pages: slice, fingerprint: fingerprint(indexerVersion, slice) });
    }
    shards.push(...yearShards.reverse());
  }
  return shards;
}
