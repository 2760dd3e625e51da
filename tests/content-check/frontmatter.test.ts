import { describe, expect, it } from 'vitest';
import { lineOf, splitFrontmatter } from '../../src/content-check/frontmatter';

describe('splitFrontmatter', () => {
  it('gives the YAML and the body with the lines each starts on', () => {
    const parts = splitFrontmatter('---\ntitle: 标题\ndate: 2023-09-14\n---\n\n正文。\n');
    expect(parts).toEqual({ yaml: 'title: 标题\ndate: 2023-09-14\n', yamlFirstLine: 2, body: '\n正文。\n', bodyFirstLine: 5 });
  });

  it('accepts an empty frontmatter and Windows line ends', () => {
    expect(splitFrontmatter('---\r\n---\r\n正文')).toMatchObject({ yaml: '', body: '正文', bodyFirstLine: 3 });
  });

  it('finds none when the file does not open with ---', () => {
    expect(splitFrontmatter('title: 标题\n\n正文')).toBeUndefined();
  });
});

describe('lineOf', () => {
  it('counts lines from the given first line', () => {
    expect(lineOf('a\nb\nc', 0)).toBe(1);
    expect(lineOf('a\nb\nc', 4, 10)).toBe(12);
  });
});
