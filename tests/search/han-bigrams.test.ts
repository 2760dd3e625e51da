import { describe, expect, it } from 'vitest';
import { encodeForIndex } from '../../src/search/han-bigrams';

describe('encodeForIndex', () => {
  it('writes each Han run as its overlapping pairs and its last character', () => {
    expect(encodeForIndex('惠工影院')).toBe('惠工`^ 工影`^ 影院`^ 院');
  });

  it('sets a run apart from the digits and letters it touches', () => {
    expect(encodeForIndex('2024年劳模')).toBe('2024^` 年劳`^ 劳模`^ 模');
    expect(encodeForIndex('9月8日')).toBe('9^` 月^` 8^` 日');
  });

  it('leaves text without Han characters as it is', () => {
    expect(encodeForIndex('Hello world 2024')).toBe('Hello world 2024');
  });
});
