import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { distDir, htmlFiles, readPage } from '../helpers/dist';

const dist = distDir();
const page = readPage(dist, 'sitemap/index.html');
const hrefs = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));

describe('the human site map (/sitemap/)', () => {
  it('lists every section', () => {
    expect(page.querySelector('h1')!.text).toBe('网站地图');
    for (const section of ['/news/', '/columns/', '/regions/', '/tags/', '/archive/', '/honors/', '/programs/', '/cinema/', '/search/', '/rss.xml']) {
      expect(hrefs).toContain(section);
    }
  });

  it('lists every program page, and each column and region that has stories', () => {
    for (const file of readdirSync('content/programs').filter((name) => name.endsWith('.mdx'))) {
      expect(hrefs).toContain(`/programs/${file.replace(/\.mdx$/, '')}/`);
    }
    const built = (facet: string) => readdirSync(`${dist}/${facet}`).filter((name) => !name.endsWith('.html'));
    for (const facet of ['columns', 'regions']) {
      const listed = hrefs.filter((href) => href?.startsWith(`/${facet}/`) && href !== `/${facet}/`);
      expect(listed.map((href) => href!.split('/')[2]).sort()).toEqual(built(facet).sort());
    }
  });

  it('is what every footer links to; the XML stays for crawlers, named in robots.txt', () => {
    for (const file of htmlFiles(dist)) {
      const footer = readPage(dist, file).querySelector('footer.site-footer')!;
      expect(footer.querySelector('a[href="/sitemap/"]')!.text, file).toBe('网站地图');
      expect(footer.querySelector('a[href$=".xml"][href*="sitemap"]'), file).toBeNull();
    }
    expect(readFileSync(`${dist}/robots.txt`, 'utf8')).toMatch(/^Sitemap: .+\/sitemap-index\.xml$/m);
    expect(readFileSync(`${dist}/sitemap-0.xml`, 'utf8')).toContain('/sitemap/</loc>');
  });
});

describe('the footer as the repository builds it', () => {
  it('names no 主办单位, phone or ICP备案号: none is set, and none is invented', () => {
    const footer = readPage(dist, 'index.html').querySelector('footer.site-footer')!;
    expect(footer.querySelector('.owner')).toBeNull();
    expect(footer.text).not.toMatch(/主办单位|联系电话|ICP/);
  });
});
