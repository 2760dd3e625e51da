import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../src/content-check/problem';

describe('formatProblem', () => {
  it('reads 文件:行号: 问题（怎么改）', () => {
    expect(formatProblem({ file: 'content/news/a.mdx', line: 9, message: '未知的地区“四州”', fix: '改成受控词表里的地区' })).toBe(
      'content/news/a.mdx:9: 未知的地区“四州”（改成受控词表里的地区）',
    );
  });

  it('leaves out the line and the brackets when there are none', () => {
    expect(formatProblem({ file: 'content/news/a.mdx', message: '文件名不能做网址' })).toBe('content/news/a.mdx: 文件名不能做网址');
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, keeping the order of problems on one line', () => {
    const sorted = sortProblems([
      { file: 'b', line: 1, message: '1' },
      { file: 'a', line: 5, message: '2' },
      { file: 'a', line: 5, message: '3' },
      { file: 'a', message: '4' },
    ]);
    expect(sorted.map((problem) => problem.message)).toEqual(['4', '2', '3', '1']);
  });
});
