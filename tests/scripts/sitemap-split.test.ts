import sitemap from '@astrojs/sitemap';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SITEMAP_ENTRY_LIMIT, sitemapOptions } from '../../scripts/sitemap-pages';

const SITE = 'https://huigong.example.org/';
const quiet = { info() {}, warn() {}, error() {} };

/** Runs the sitemap integration's build step, as `astro build` does, over `pathnames` built in `dir`. */
async function writeSitemapFor(options: Parameters<typeof sitemap>[0], dir: string, pathnames: string[]) {
  const hooks = sitemap(options).hooks as Record<string, (context: object) => Promise<void> | void>;
  await hooks['astro:routes:resolved']!({ routes: [] });
  await hooks['astro:config:done']!({ config: { site: SITE, base: '/', trailingSlash: 'always', build: { format: 'directory' } } });
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: pathnames.map((pathname) => ({ pathname })), logger: quiet });
  const files = readdirSync(dir).filter((name) => /^sitemap-\d+\.xml$/.test(name)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  return {
    files: files.map((name) => locs(readFileSync(path.join(dir, name), 'utf8'))),
    index: locs(readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8')),
  };
}

describe('the sitemap at archive scale', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('splits into sitemap-N.xml files of at most the entry limit, all listed by sitemap-index.xml, leaving out noindex pages', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitemap-split-'));
    mkdirSync(path.join(dir, 'search'));
    writeFileSync(path.join(dir, 'search', 'index.html'), '<meta name="robots" content="noindex">');
    const stories = Array.from({ length: 7 }, (_, i) => `news/story-${i}/`);
    const { files, index } = await writeSitemapFor({ ...sitemapOptions(dir), entryLimit: 3 }, dir, [...stories, 'search/']);
    expect(files.map((urls) => urls.length)).toEqual([3, 3, 1]);
    expect(files.flat().sort()).toEqual(stories.map((p) => `${SITE}${p}`).sort());
    expect(index).toEqual([0, 1, 2].map((i) => `${SITE}sitemap-${i}.xml`));
  });

  it('keeps the site’s limit under the protocol’s 50,000 URLs per file, and splits one URL past it', async () => {
    expect(SITEMAP_ENTRY_LIMIT).toBeLessThanOrEqual(50_000);
    dir = mkdtempSync(path.join(tmpdir(), 'sitemap-split-'));
    const pages = Array.from({ length: SITEMAP_ENTRY_LIMIT + 1 }, (_, i) => `news/story-${i}/`);
    const { files, index } = await writeSitemapFor(sitemapOptions(dir), dir, pages);
    expect(files.map((urls) => urls.length)).toEqual([SITEMAP_ENTRY_LIMIT, 1]);
    expect(index).toHaveLength(2);
  });
});
