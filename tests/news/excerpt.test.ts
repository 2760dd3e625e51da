import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXCERPT_MAX_LENGTH, excerpt, excerptSource } from '../../src/news/excerpt';
import { splitFrontmatter } from '../../src/content-check/frontmatter';

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

describe('excerptSource: the opening a build made in parts keeps of a story it does not render', () => {
  const realBodies = readdirSync('content/news')
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => splitFrontmatter(readFileSync(path.join('content/news', file), 'utf8'))!.body);
  const generated = Array.from({ length: 40 }, (_, i) => {
    const sentence = `第${i}段说明职工服务的情况，（括号）和**强调**都在。`;
    return [`import X from './x'`, `## 标题${i}`, `<KeyFigures story="s${i}" />`, ...Array.from({ length: (i % 7) + 1 }, () => sentence.repeat((i % 5) + 1)), '结尾。'].join('\n\n');
  });

  it('gives every excerpt the whole body gives, for every length up to the longest asked for', () => {
    expect(realBodies.length).toBeGreaterThan(5);
    for (const body of [...realBodies, ...generated]) {
      const source = excerptSource(body);
      expect(body.startsWith(source)).toBe(true);
      for (const length of [1, 10, 89, 90, 120, 150, EXCERPT_MAX_LENGTH]) expect(excerpt(source, length), body.slice(0, 40)).toBe(excerpt(body, length));
    }
  });

  it('keeps a long story’s opening only', () => {
    const long = realBodies.filter((body) => body.length > 2_000);
    expect(long.length).toBeGreaterThan(0);
    for (const body of long) expect(excerptSource(body).length).toBeLessThan(body.length / 2);
  });

  it('keeps more when a parenthesis or a component runs across a blank line, rather than change the excerpt', () => {
    const across = `${'甲'.repeat(150)}(ab\n\ncd)${'乙'.repeat(100)}`;
    expect(excerpt(excerptSource(across), 200)).toBe(excerpt(across, 200));
    expect(excerptSource(across)).toBe(across);
    const tag = `<Honoree id="a"\n\nrole="x">某某</Honoree>${'丙'.repeat(300)}\n\n${'丁'.repeat(300)}`;
    expect(excerpt(excerptSource(tag), 200)).toBe(excerpt(tag, 200));
  });

  it('keeps a short story whole', () => {
    expect(excerptSource('一段。\n\n两段。')).toBe('一段。\n\n两段。');
  });

  it('refuses an excerpt longer than the opening keeps', () => {
    expect(() => excerpt('甲'.repeat(500), EXCERPT_MAX_LENGTH + 1)).toThrow(RangeError);
  });
});
