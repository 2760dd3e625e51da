import sitemap from '@astrojs/sitemap';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sitemapOptions } from '../sitemap-pages.ts';
import { siteUrl } from '../site-url.ts';

type Hook = (context: object) => Promise<void> | void;

/** `news/a/index.html` → `news/a/`, `index.html` → `` (the pathnames Astro gives its integrations). */
function builtPages(outDir: string): { pathname: string }[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => ({ pathname: file.slice(0, -'index.html'.length) }))
    .sort((a, b) => (a.pathname < b.pathname ? -1 : 1));
}

/**
 * Writes the sitemap of a site built in parts, once they are merged into `outDir`: the same integration
 * and options as a whole build (astro.config.mjs), run through its hooks over every page in the folder,
 * since no part sees all of them.
 */
export async function writeMergedSitemap(outDir: string): Promise<void> {
  const hooks = sitemap(sitemapOptions(outDir)).hooks as Record<string, Hook>;
  const logger = { info: () => {}, warn: (message: string) => console.warn(message), error: (message: string) => console.error(message) };
  await hooks['astro:routes:resolved']!({ routes: [] });
  await hooks['astro:config:done']!({ config: { site: siteUrl, base: '/', trailingSlash: 'always', build: { format: 'directory' } } });
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), pages: builtPages(outDir), logger });
}
