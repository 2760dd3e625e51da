import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** How every part cache of `contentDir` begins: its folder's name and a hash of its path. */
export function contentCachePrefix(contentDir: string): string {
  return `${path.basename(contentDir)}-${createHash('sha256').update(contentDir).digest('hex').slice(0, 8)}-`;
}

/**
 * Each part's content cache folder (node_modules/.astro-parts/), by part name. A part's cache holds what its
 * loaders stored for its share, so it is named by the content folder (a benchmark's copy of content/ has
 * the same name), the code that fills it (`codeDigest`: content-code.ts) and the part. The content folder's
 * caches this build will not use (another number of parts, older code) are removed, or they would pile up
 * at ~50 MB a part.
 */
export function partCacheDirs(root: string, contentDir: string, codeDigest: string, partNames: readonly string[]): Map<string, string> {
  const caches = path.join(root, 'node_modules', '.astro-parts');
  const folder = contentCachePrefix(contentDir);
  const dirs = new Map(partNames.map((name) => [name, path.join(caches, `${folder}${codeDigest.slice(0, 8)}-${name}`)]));
  const used = new Set([...dirs.values()].map((dir) => path.basename(dir)));
  for (const stale of existsSync(caches) ? readdirSync(caches).filter((name) => name.startsWith(folder) && !used.has(name)) : []) {
    rmSync(path.join(caches, stale), { recursive: true, force: true });
  }
  return dirs;
}
