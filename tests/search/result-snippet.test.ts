import { describe, expect, it } from 'vitest';
import { bodyText, bodyWindow, markTerms, queryTerms, resultSnippet } from '../../src/search/result-snippet';

// Page texts as Pagefind 1.6 indexes this site's pages.
const STORY =
  '湖北举办劳模工匠走进校园活动. 在面对面交流中传递榜样力量. 本报讯（通讯员邹永春） 9月8日，由湖北省总工会主办的劳模工匠宣讲活动举行。这是一项举措。';
const STORY_HEADINGS = ['湖北举办劳模工匠走进校园活动', '在面对面交流中传递榜样力量'];

describe('bodyText', () => {
  it('drops the headings in front and joins blocks as prose', () => {
    expect(bodyText(STORY, STORY_HEADINGS)).toBe('本报讯（通讯员邹永春）9月8日，由湖北省总工会主办的劳模工匠宣讲活动举行。这是一项举措。');
  });

  it('drops search keywords and a kicker that ends in a dash, whatever spaces they hold', () => {
    const cinema = '看电影 电影票 观影. 惠工影院. 驻青外经贸职工惠工影院位于青岛。';
    expect(bodyText(cinema, ['惠工影院', '看电影 电影票 观影'])).toBe('驻青外经贸职工惠工影院位于青岛。');
    expect(bodyText('四川工会提高贡献率—— 跑出“加速度” 正文。', ['四川工会提高贡献率——', '跑出“加速度”'])).toBe('正文。');
  });

  it('ends a block without punctuation (a subheading) with 。', () => {
    expect(bodyText('标题. 第一段。 驿站里的医务室. 第二段', ['标题'])).toBe('第一段。驿站里的医务室。第二段');
  });

  it('keeps body text that repeats the title once the body has begun', () => {
    expect(bodyText('驿站. 正文。 驿站', ['驿站'])).toBe('正文。驿站');
  });
});

describe('bodyWindow', () => {
  it('opens on the sentence holding the first match, never on its 。', () => {
    expect(bodyWindow('第一句话。示例数据：一部反映劳模工匠成长经历的纪录片。', ['劳模'])).toBe('示例数据：一部反映劳模工匠成长经历的纪录片。');
  });

  it('opens at the body’s start when nothing matches literally', () => {
    expect(bodyWindow('正文第一句。第二句。', ['没有'])).toBe('正文第一句。第二句。');
  });

  it('marks a cut with an ellipsis at either end', () => {
    const body = `${'甲'.repeat(100)}驿站${'乙'.repeat(100)}`;
    const window = bodyWindow(body, ['驿站']);
    expect(window).toMatch(/^…甲+驿站乙+…$/);
    expect(window.length).toBe(82);
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
    expect(resultSnippet({ content: '姚婕. 类别个人', headings: ['姚婕'], summary: '全国劳模、站长姚婕' }, '姚婕')).toBe('全国劳模、站长<mark>姚婕</mark>');
  });

  it('otherwise cuts a window of the body, marked and escaped', () => {
    expect(resultSnippet({ content: STORY.replace('这是', '<这是>'), headings: STORY_HEADINGS }, '劳模')).toBe(
      '本报讯（通讯员邹永春）9月8日，由湖北省总工会主办的<mark>劳模</mark>工匠宣讲活动举行。&#60;这是&#62;一项举措。',
    );
  });
});
