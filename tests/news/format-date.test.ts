import { describe, expect, it } from 'vitest';
import { formatChineseDate, isoDay } from '../../src/news/format-date';

describe('formatChineseDate', () => {
  it('writes the date as it falls in Asia/Shanghai', () => {
    expect(formatChineseDate(new Date('2023-09-14T00:00:00Z'))).toBe('2023年9月14日');
    // 17:00 UTC on the 13th is already the 14th in Shanghai.
    expect(formatChineseDate(new Date('2023-09-13T17:00:00Z'))).toBe('2023年9月14日');
  });
});

describe('isoDay', () => {
  it('pads month and day', () => {
    expect(isoDay(new Date('2024-01-05T03:00:00+08:00'))).toBe('2024-01-05');
  });
});
