import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/news/excerpt';

describe('excerpt', () => {
  it('drops headings and joins paragraphs', () => {
    expect(excerpt('第一段。\n\n## 小标题\n\n第二段。')).toBe('第一段。第二段。');
  });

  it('cuts at a sentence end near the limit', () => {
    const text = `${'甲'.repeat(70)}。${'乙'.repeat(40)}`;
    expect(excerpt(text, 90)).toBe(`${'甲'.repeat(70)}。`);
  });

  it('marks a cut with an ellipsis when no sentence ends nearby', () => {
    expect(excerpt('丙'.repeat(100), 10)).toBe(`${'丙'.repeat(10)}…`);
  });

  it('keeps the words inside house components and drops their tags', () => {
    expect(excerpt('<Dateline>本报讯</Dateline>近日，<Honoree id="yao-jie">姚婕</Honoree>宣讲。\n\n<KeyFigures story="x" />')).toBe(
      '本报讯近日，姚婕宣讲。',
    );
  });

  it('drops MDX imports and components', () => {
    expect(excerpt("import X from './x'\n\n<X />\n\n正文。")).toBe('正文。');
  });
});
