import { describe, expect, it } from 'vitest';
import { passages } from '../../src/search/passages';

describe('passages', () => {
  it('keeps a short body whole, and an empty body as one empty passage', () => {
    expect(passages('一句话。')).toEqual(['一句话。']);
    expect(passages('')).toEqual(['']);
  });

  it('cuts a long body after a sentence’s end, losing nothing', () => {
    const body = '第一句很长很长。第二句也很长。第三句。';
    const parts = passages(body, 10);
    expect(parts.join('')).toBe(body);
    expect(parts[0]).toBe('第一句很长很长。');
    expect(parts.every((part) => [...part].length <= 10)).toBe(true);
  });

  it('cuts where a window is full when it holds no sentence end', () => {
    const body = '字'.repeat(25);
    expect(passages(body, 10).map((part) => part.length)).toEqual([10, 10, 5]);
  });

  it('counts characters, not UTF-16 units (a rare character outside the BMP stays whole)', () => {
    const body = '𠀀'.repeat(12);
    const parts = passages(body, 10);
    expect(parts.join('')).toBe(body);
    expect(parts.map((part) => [...part].length)).toEqual([10, 2]);
  });
});
