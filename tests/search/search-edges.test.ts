import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../src/search/page-document';
import { passages } from '../../src/search/passages';
import { bodyWindow, resultSnippet } from '../../src/search/result-snippet';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('search edges', () => {
  it('never cuts an excerpt inside a character outside the BMP (rare Han in names, emoji)', () => {
    // 𠀀 (U+20000) is two UTF-16 units: a window counted in units may open or close between them.
    for (let shift = 0; shift < 4; shift++) {
      const body = `${'一'.repeat(shift)}${'𠀀'.repeat(30)}劳模${'一'.repeat(shift)}${'𠀀'.repeat(60)}`;
      const window = bodyWindow(body, ['劳模']);
      expect(window, `shift ${shift}`).not.toMatch(LONE_SURROGATE);
      expect(resultSnippet({ passage: body }, '劳模')).not.toMatch(LONE_SURROGATE);
    }
  });

  it('cuts a line of 4,000 characters with no sentence end whole characters at a time', () => {
    const parts = passages('𠀀'.repeat(9000));
    expect(parts.every((part) => !LONE_SURROGATE.test(part))).toBe(true);
    expect(parts.join('')).toBe('𠀀'.repeat(9000));
  });

  it('refuses a page whose searchable parts disagree on its type', () => {
    const html = '<article data-search-body="news"><h1>标题</h1><p>正文</p></article><aside data-search-body="programs"><p>服务</p></aside>';
    expect(() => pageDocument('/news/a/', html)).toThrow('/news/a/');
  });

  it('refuses a story dated a day that does not exist', () => {
    const html = '<article data-search-body="news"><h1>标题</h1><time datetime="2024-02-30">2月30日</time><p>正文</p></article>';
    expect(() => pageDocument('/news/a/', html)).toThrow('/news/a/');
  });

  it('keeps an editor’s < and { in a story as text', () => {
    const html = '<article data-search-body="news"><h1>a &lt; b {c}</h1><p>1 &lt; 2 {x} <b>粗</b></p></article>';
    expect(pageDocument('/news/a/', html)).toMatchObject({ title: 'a < b {c}', body: '1 < 2 {x} 粗' });
  });
});

describe('search excerpts and full-width or differently cased queries', () => {
  it('marks what the search found: 2024年 for ２０２４年, APP for app', () => {
    const excerpt = resultSnippet({ passage: `${'前文很长。'.repeat(20)}说明2024年APP上线。` }, '２０２４年 app');
    expect(excerpt).toContain('<mark>2024年</mark>');
    expect(excerpt).toContain('<mark>APP</mark>');
  });
});
