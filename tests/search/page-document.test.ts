import { describe, expect, it } from 'vitest';
import { cleanText, pageDocument } from '../../src/search/page-document';

const STORY = `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><nav>导航不索引</nav>
<article data-search-body="news"><p data-search-heading>肩题</p><h1>惠工影院
  开业</h1><p data-search-heading>副题</p>
<p class="meta" data-search-ignore>记者 某某 <time datetime="2024-05-06">2024年5月6日</time></p>
<p>站长<a href="/honors/yao-jie/">姚婕</a>致辞 &amp; 剪彩</p><h2>小标题</h2><p>第二段</p>
<footer data-search-ignore>上一篇：不索引</footer><script>var x = '不索引';</script></article>
<aside>相关：不索引</aside></body></html>`;

describe('pageDocument', () => {
  it('reads the title, headings, date and body of a page’s searchable part, leaving out the rest', () => {
    expect(pageDocument('/news/a/', STORY)).toEqual({
      url: '/news/a/',
      type: 'news',
      title: '惠工影院开业',
      date: '2024-05-06',
      headings: '肩题 副题',
      body: '站长姚婕致辞 & 剪彩。小标题。第二段',
    });
  });

  it('takes search keywords as headings and a summary as the result’s text', () => {
    const page = '<html><body><div data-search-body="cinema"><h1 data-search-keywords="看电影 电影票">惠工影院</h1><p data-search-summary>位于青岛。</p></div></body></html>';
    expect(pageDocument('/cinema/', page)).toMatchObject({ type: 'cinema', headings: '看电影 电影票', summary: '位于青岛。', body: '位于青岛。' });
  });

  it('dates stories only: a time on another page is a screening’s', () => {
    const page = '<html><body><div data-search-body="cinema"><h1>惠工影院</h1><time datetime="2026-12-02T18:30">12月2日</time></div></body></html>';
    expect(pageDocument('/cinema/', page)?.date).toBeUndefined();
  });

  it('skips a page with nothing searchable', () => {
    expect(pageDocument('/archive/', '<html lang="zh-CN"><body><h1>归档</h1></body></html>')).toBeUndefined();
  });

  it('fails naming the page when its searchable part has no title or an unknown type', () => {
    expect(() => pageDocument('/news/b/', '<html><body><article data-search-body="news"><p>正文</p></article></body></html>')).toThrow(/\/news\/b\/.*title/);
    expect(() => pageDocument('/x/', '<html><body><article data-search-body="blog"><h1>标题</h1></article></body></html>')).toThrow(/\/x\/.*type/);
  });
});

describe('cleanText', () => {
  it('drops markup’s line breaks between Han characters and collapses other spaces', () => {
    expect(cleanText(' 惠工\n  影院 位于 Qingdao  city ')).toBe('惠工影院位于 Qingdao city');
  });
});
