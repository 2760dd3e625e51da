import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { distDir, executableScripts, htmlFiles, pathOf, readPage } from '../helpers/dist';
import { readFrontmatter, storyFiles } from '../helpers/frontmatter';

const dist = distDir();
const stories = storyFiles('content/news').map((file) => ({
  id: path.basename(file).replace(/\.mdx?$/, ''),
  data: readFrontmatter(file) as Record<string, any>,
}));

describe('story pages', () => {
  it.each(stories)('$id shows its headline, kicker, byline and reading hint', ({ id, data }) => {
    const page = readPage(dist, `news/${id}/index.html`);
    const text = page.querySelector('article')!.text;
    expect(page.querySelector('h1')!.text).toContain(data.title);
    if (data.kicker) expect(page.querySelector('.kicker')!.text).toBe(data.kicker);
    if (data.subtitle) expect(page.querySelector('.subtitle')!.text).toBe(data.subtitle);
    for (const credit of data.byline ?? []) for (const name of credit.names) expect(text).toContain(name);
    if (data.readingHint) {
      expect(page.querySelector('.reading-hint')!.text).toContain('阅读提示');
      expect(page.querySelector('.reading-hint')!.text).toContain(data.readingHint);
    }
    if (data.photoCredit) expect(page.querySelector('.credit')!.text).toBe(data.photoCredit);
    expect(page.querySelector('time')!.text).toBe('2023年9月14日');
  });

  it('prints a dateline story as the paper does', () => {
    const page = readPage(dist, 'news/changchun-gongyi-tijian/index.html');
    expect(page.querySelector('.dateline')!.text).toBe('本报讯（记者柳姗姗 彭冰 通讯员姚远）');
  });

  it('renders subheads as headings', () => {
    const page = readPage(dist, 'news/sichuan-gonghui-345/index.html');
    expect(page.querySelectorAll('.prose h2').map((h) => h.text)).toEqual([
      '做优“工匠型”人才培育“大文章”',
      '打造触手可及的暖心之“家”',
      '跑出工会高质量发展“加速度”',
    ]);
  });

  it('carries NewsArticle JSON-LD, Open Graph and a canonical URL', () => {
    const page = readPage(dist, 'news/shandong-huigong-yingyuan/index.html');
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: '惠工影院人气旺' });
    expect(ld.author.map((a: { name: string }) => a.name)).toEqual(['杨明清', '张嫱', '王哲']);
    expect(page.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/\/news\/shandong-huigong-yingyuan\/$/);
  });
});

describe('every page', () => {
  const files = htmlFiles(dist);

  it.each(files)('%s is zh-CN with one h1, landmarks, a skip link and a hashed CSP', (file) => {
    const page = readPage(dist, file);
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(page.querySelectorAll('h1')).toHaveLength(1);
    expect(page.querySelector('main#main')).not.toBeNull();
    expect(page.querySelector('nav[aria-label="主导航"]')).not.toBeNull();
    expect(page.querySelector('a.skip-link')!.getAttribute('href')).toBe('#main');
    const csp = page.querySelector('meta[http-equiv="content-security-policy"]')!.getAttribute('content')!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain("'unsafe-inline'");
  });

  // Pages whose issues call for a script: search, the cinema and its door, the station directory's
  // "离我最近" and the 惠工影院 program page's live list. Everything else is plain HTML.
  const scripted = /^(search\/|cinema\/|programs\/huigong-yingyuan\/|programs\/nuanfeng-yizhan\/stations\/)/;

  it.each(files.filter((file) => !scripted.test(file)))('%s runs no script', (file) => {
    expect(executableScripts(readPage(dist, file))).toEqual([]);
  });

  it('loads no web fonts', () => {
    const css = files.map((file) => readFileSync(path.join(dist, file), 'utf8')).join('\n');
    expect(css).not.toMatch(/@font-face|fonts\.googleapis|\.woff2?/);
  });
});

describe('RSS, sitemap and robots.txt', () => {
  it('the feed lists every published story', () => {
    const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname).sort();
    expect(links).toEqual(stories.map((story) => `/news/${story.id}/`).sort());
  });

  it('the sitemap lists every page but those that ask search engines to stay away (noindex)', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
    const noindex = (file: string) => readFileSync(path.join(dist, file), 'utf8').includes('<meta name="robots" content="noindex"');
    const pages = htmlFiles(dist).filter((file) => !noindex(file)).map(pathOf).sort();
    expect(listed).toEqual(pages);
    // The door's page and the empty station directory ask to stay out, and so do the 404 and search.
    for (const left of ['/cinema/checkin/', '/search/', '/programs/nuanfeng-yizhan/stations/']) expect(listed).not.toContain(left);
  });

  it('robots.txt points at the sitemap and keeps crawlers out of the API', () => {
    const robots = readFileSync(path.join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
    expect(robots).toContain('Disallow: /api/');
  });
});

// The browser editor (Keystatic, React) is added under `astro dev` only (src/keystatic/editor-integration.ts):
// the public build must stay static and carry none of it.
describe('the browser editor stays out of the public build', () => {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'));

  it('has no /keystatic or /api/keystatic pages', () => {
    expect(files.filter((file) => /(^|\/)keystatic(\/|$)/.test(file))).toEqual([]);
  });

  it('ships no React and no Keystatic code', () => {
    const scripts = files.filter((file) => /\.m?js$/.test(file));
    const carrying = scripts.filter((file) => /react-dom|__reactFiber|@keystatic|keystatic/i.test(readFileSync(path.join(dist, file), 'utf8')));
    expect(carrying).toEqual([]);
    expect(htmlFiles(dist).filter((file) => /\/keystatic|打开编辑器/.test(readFileSync(path.join(dist, file), 'utf8')))).toEqual([]);
    // Islands only on the staff console (Preact, src/components/staff/); readers' and members' pages have none.
    const withIslands = htmlFiles(dist).filter((file) => /<astro-island/.test(readFileSync(path.join(dist, file), 'utf8')));
    expect(withIslands.filter((file) => !file.startsWith('cinema/staff/'))).toEqual([]);
  });
});
