import { describe, expect, it } from 'vitest';
import { cleanExcerpt, markTerms, queryTerms, resultSnippet } from '../../src/search/result-snippet';

// Excerpts as Pagefind 1.6 writes them for this site's pages.
describe('cleanExcerpt', () => {
  it('drops the tail of the title a window opens on', () => {
    const excerpt = '举办<mark>劳模</mark>工匠走进校园活动. 在面对面交流中传递榜样力量. 本报讯（通讯员邹永春） 9月8日，由湖北省总工会主办';
    expect(cleanExcerpt(excerpt, ['湖北举办劳模工匠走进校园活动', '在面对面交流中传递榜样力量'])).toBe(
      '本报讯（通讯员邹永春） 9月8日，由湖北省总工会主办',
    );
  });

  it('drops search keywords and headings with spaces and marks in them', () => {
    const excerpt = '<mark>看</mark><mark>电影 </mark>电影票. <mark>惠工影院</mark>. 驻青外经贸职工惠工影院位于青岛';
    expect(cleanExcerpt(excerpt, ['惠工影院', '看电影 电影票'])).toBe('驻青外经贸职工惠工影院位于青岛');
  });

  it('never opens on the 。 ending the paragraph before', () => {
    expect(cleanExcerpt('。 <mark>驿站</mark>里的医务室. “最近经常发烧', [])).toBe('<mark>驿站</mark>里的医务室。“最近经常发烧');
  });

  it('joins blocks with Chinese punctuation instead of ". "', () => {
    expect(cleanExcerpt('规律调整放映时间。 怎样领票和观影. 抢<mark>票</mark>：每到周一', [])).toBe('规律调整放映时间。怎样领票和观影。抢<mark>票</mark>：每到周一');
  });

  it('keeps a body block that happens to repeat words of the title', () => {
    expect(cleanExcerpt('<mark>驿站</mark>建设取得成效，职工有了家', ['驿站'])).toBe('<mark>驿站</mark>建设取得成效，职工有了家');
  });

  it('is empty when the window holds only headings', () => {
    expect(cleanExcerpt('<mark>姚婕</mark>', ['姚婕'])).toBe('');
  });
});

describe('queryTerms', () => {
  it('marks the query as typed and its words of two characters or more', () => {
    expect(queryTerms('看电影')).toEqual(['看电影', '电影']);
    expect(queryTerms('姚婕')).toEqual(['姚婕']);
    expect(queryTerms('工会 驿站')).toEqual(['工会', '驿站']);
  });

  it('keeps a one-character query', () => {
    expect(queryTerms('票')).toEqual(['票']);
  });
});

describe('markTerms', () => {
  it('marks each occurrence and escapes the rest', () => {
    expect(markTerms('<b>驿站</b>和驿站', ['驿站'])).toBe('&#60;b&#62;<mark>驿站</mark>&#60;/b&#62;和<mark>驿站</mark>');
  });

  it('escapes the terms themselves', () => {
    expect(markTerms('a+b', ['+'])).toBe('a<mark>+</mark>b');
  });
});

describe('resultSnippet', () => {
  it('prefers the page’s own summary, marked', () => {
    expect(resultSnippet({ excerpt: '姚婕. 类别个人', headings: ['姚婕'], summary: '全国劳模、站长姚婕' }, '姚婕')).toBe('全国劳模、站长<mark>姚婕</mark>');
  });

  it('falls back to the cleaned excerpt', () => {
    expect(resultSnippet({ excerpt: '标题. 正文<mark>驿站</mark>', headings: ['标题'] }, '驿站')).toBe('正文<mark>驿站</mark>');
  });
});
