import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The files whose rules decide what a part's loaders store (Astro clears a cache when content.config.ts changes, not these). */
const LOADER_RULES = ['src/data/story-part-loader.ts', 'src/data/plain-stories-loader.ts', 'src/news/needs-mdx.ts', 'src/news/excerpt.ts', 'src/build/build-part.ts'];

const shortHash = (hash: ReturnType<typeof createHash>) => hash.digest('hex').slice(0, 8);

/**
 * Each part's content cache folder (node_modules/.astro-parts/), by part name. A part's cache holds what its
 * loaders stored for its share, so it is keyed by the content folder (a benchmark's copy of content/ has
 * the same name), the loaders' rules and the part. The content folder's caches this build will not use
 * (another number of parts, older rules) are removed, or they would pile up at ~50 MB a part.
 */
export function partCacheDirs(root: string, contentDir: string, partNames: readonly string[]): Map<string, string> {
  const caches = path.join(root, 'node_modules', '.astro-parts');
  const folder = `${path.basename(contentDir)}-${shortHash(createHash('sha256').update(contentDir))}-`;
  const rules = shortHash(LOADER_RULES.reduce((hash, file) => hash.update(readFileSync(path.join(root, file))), createHash('sha256')));
  const dirs = new Map(partNames.map((name) => [name, path.join(caches, `${folder}${rules}-${name}`)]));
  const used = new Set([...dirs.values()].map((dir) => path.basename(dir)));
  for (const stale of existsSync(caches) ? readdirSync(caches).filter((name) => name.startsWith(folder) && !used.has(name)) : []) {
    rmSync(path.join(caches, stale), { recursive: true, force: true });
  }
  return dirs;
}
