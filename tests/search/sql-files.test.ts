import { describe, expect, it } from 'vitest';
import { sqlFiles } from '../../src/search/sql-files';

describe('sqlFiles', () => {
  it('joins pages into files of at most the given bytes, never splitting a page', () => {
    // 汉 is three bytes in UTF-8: the limit counts bytes, not characters.
    const files = [...sqlFiles(['a;\n', '汉汉;\n', 'bb;\n', 'c;\n'], 11)];
    expect(files).toEqual(['a;\n汉汉;\n', 'bb;\nc;\n']);
    expect(files.every((file) => Buffer.byteLength(file) <= 11)).toBe(true);
  });

  it('puts a page larger than the limit in a file of its own, and makes no file for no pages', () => {
    expect([...sqlFiles(['a;\n', 'x'.repeat(20), 'b;\n'], 10)]).toEqual(['a;\n', 'x'.repeat(20), 'b;\n']);
    expect([...sqlFiles([], 10)]).toEqual([]);
  });
});
