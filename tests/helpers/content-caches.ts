import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { contentCachePrefix } from '../../scripts/astro-build/part-caches';

/**
 * Removes the content caches builds of `contentDir` (absolute) leave in node_modules: a whole build's,
 * named after the folder (astro.config.mjs), and each part's (scripts/astro-build/part-caches.ts).
 */
export function removeContentCaches(contentDir: string): void {
  rmSync(path.join('node_modules', `.astro-${path.basename(contentDir)}`), { recursive: true, force: true });
  const partCaches = path.join('node_modules', '.astro-parts');
  if (!existsSync(partCaches)) return;
  for (const cache of readdirSync(partCaches)) {
    if (cache.startsWith(contentCachePrefix(contentDir))) rmSync(path.join(partCaches, cache), { recursive: true, force: true });
  }
}
