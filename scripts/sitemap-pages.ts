import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether the built page at `url` belongs in the XML sitemap: not a page that asks search engines to stay
 * away (`<meta name="robots" content="noindex">`: the 404, search, the door's check-in page, the station
 * directory while it is empty). Read from the built HTML, so a page decides once, in its own layout props,
 * and the sitemap cannot list what the page itself refuses. Runs when the sitemap is written, after the pages.
 */
export function belongsInSitemap(outDir: string, url: string): boolean {
  const file = path.join(outDir, decodeURIComponent(new URL(url).pathname), 'index.html');
  if (!existsSync(file)) return true;
  return !/<meta name="robots" content="noindex"/.test(readFileSync(file, 'utf8'));
}
