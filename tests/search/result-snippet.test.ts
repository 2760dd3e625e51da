import { describe, expect, it } from 'vitest';
import { bodyWindow, markTerms, queryTerms, resultSnippet } from '../../src/search/result-snippet';

const PASSAGE = '本报讯（通讯员邹永春）9月8日，由湖北省总工会主办的劳模工匠宣讲活动举行。这是一项举措。';

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
    expect(resultSnippet({ passage: '姚婕。类别个人', summary: '全国劳模、站长姚婕' }, '姚婕')).toBe('全国劳模、站长<mark>姚婕</mark>');
  });

  it('otherwise cuts a window of the passage, marked and escaped', () => {
    expect(resultSnippet({ passage: PASSAGE.replace('这是', '<这是>'), summary: null }, '劳模')).toBe(
      '本报讯（通讯员邹永春）9月8日，由湖北省总工会主办的<mark>劳模</mark>工匠宣讲活动举行。&#60;这是&#62;一项举措。',
    );
  });
});
