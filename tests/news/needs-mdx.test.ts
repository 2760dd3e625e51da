import { describe, expect, it } from 'vitest';
import { needsMdx } from '../../src/news/needs-mdx';

describe('needsMdx', () => {
  it('lets prose, headings, lists, emphasis and links render as Markdown', () => {
    const body = ['## 小标题', '', '职工**文化**活动丰富多彩。[链接](/news/x/)', '', '- 一', '- 二', '   续行', '', '> 引语'].join('\n');
    expect(needsMdx(body)).toBe(false);
  });

  it('keeps house components, HTML and autolinks MDX', () => {
    expect(needsMdx('全国劳模<Honoree id="yao-jie">姚婕</Honoree>说。')).toBe(true);
    expect(needsMdx('<ProgramCard id="huigong-yingyuan" />')).toBe(true);
    expect(needsMdx('第一行<br>第二行')).toBe(true);
    expect(needsMdx('见 <https://example.org>')).toBe(true);
  });

  it('keeps expressions, MDX comments, imports and exports MDX', () => {
    expect(needsMdx('共{1 + 1}人')).toBe(true);
    expect(needsMdx('正文{/* 注释 */}')).toBe(true);
    expect(needsMdx('import KeyFigures from "./k.astro"\n\n正文')).toBe(true);
    expect(needsMdx('export const n = 3\n\n正文')).toBe(true);
  });

  it('keeps a line indented as code MDX, where it would be a paragraph', () => {
    expect(needsMdx('正文\n\n    缩进的一行')).toBe(true);
    expect(needsMdx('正文\n\n\t缩进的一行')).toBe(true);
  });
});
