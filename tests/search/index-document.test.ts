import { describe, expect, it } from 'vitest';
import { indexDocument } from '../../src/search/index-document';

const PAGE = `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><nav>导航不索引</nav>
<article data-pagefind-body data-pagefind-filter="type:新闻"><h1 data-pagefind-weight="10">惠工影院</h1>
<p class="meta" data-pagefind-ignore><time datetime="2024-05-06">2024年5月6日</time></p>
<h2 data-search-keywords="看电影" data-pagefind-index-attrs="data-search-keywords">位于青岛</h2></article>
<aside>上一篇：不索引</aside></body></html>`;

describe('indexDocument', () => {
  it('keeps only the searchable parts, in character pairs, with the page’s language and date', () => {
    const doc = indexDocument('/news/a/', PAGE)!;
    expect(doc.date).toBe('2024-05-06');
    expect(doc.html).toContain('<html lang="zh-CN">');
    expect(doc.html).toContain('惠工`^ 工影`^ 影院`^ 院');
    expect(doc.html).toContain('data-pagefind-filter="type:新闻"');
    expect(doc.html).toContain('data-search-keywords="看电`^ 电影`^ 影"');
    expect(doc.html).not.toContain('导航');
    expect(doc.html).not.toContain('上一篇');
  });

  it('keeps a name inside an inline link its own pairs: Pagefind joins inline text with no space', () => {
    const doc = indexDocument('/news/b/', '<html lang="zh-CN"><body><article data-pagefind-body><p>站长<a href="/honors/yao-jie/">姚婕</a>，全国</p></article></body></html>')!;
    expect(doc.html).toMatch(/<a href="\/honors\/yao-jie\/">\^` 姚婕`\^ 婕\^` <\/a>/);
  });

  it('skips a page with nothing searchable', () => {
    expect(indexDocument('/archive/', '<html lang="zh-CN"><body><h1>归档</h1></body></html>')).toBeUndefined();
  });
});
