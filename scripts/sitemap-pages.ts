import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * URLs per sitemap file. The protocol allows 50,000 per file; @astrojs/sitemap's own default is 45,000,
 * written here so the split the archive relies on is ours and tested (tests/scripts/sitemap-split.test.ts):
 * past it the sitemap becomes sitemap-0.xml, sitemap-1.xml, … listed by sitemap-index.xml.
 */
export const SITEMAP_ENTRY_LIMIT = 45_000;

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

/** The site's options for @astrojs/sitemap (astro.config.mjs). */
export function sitemapOptions(outDir: string) {
  return { entryLimit: SITEMAP_ENTRY_LIMIT, filter: (page: string) => belongsInSitemap(outDir, page) };
}
