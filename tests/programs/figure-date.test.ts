import { describe, expect, it } from 'vitest';
import { formatFigureDate, isIsoDay } from '../../src/programs/figure-date';

describe('formatFigureDate', () => {
  it('reads an ISO day the Chinese way', () => {
    expect(formatFigureDate('2023-09-14')).toBe('2023年9月14日');
  });

  it('keeps the story’s own wording', () => {
    expect(formatFigureDate('截至8月30日')).toBe('截至8月30日');
    expect(formatFigureDate('截至2023年5月')).toBe('截至2023年5月');
  });
});

describe('isIsoDay', () => {
  it('tells a date from a printed phrase', () => {
    expect(isIsoDay('2023-09-14')).toBe(true);
    expect(isIsoDay('近两个月')).toBe(false);
    expect(isIsoDay('2023-9-14')).toBe(false);
  });
});
