import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { closest, editDistance, unknownKeys } from '../../src/content-check/schema-keys';

describe('unknownKeys', () => {
  const schema = z
    .object({
      title: z.string(),
      readingHint: z.string().optional(),
      honors: z.array(z.object({ name: z.string(), printed: z.string().optional() })).default([]),
    })
    .refine(() => true)
    .transform((data) => data);

  it('finds keys the schema would drop without a word, at any depth', () => {
    const found = unknownKeys(schema, { title: '甲', readinghint: '乙', honors: [{ name: '丙', printd: '丁' }] });
    expect(found.map(({ path }) => path)).toEqual([['readinghint'], ['honors', 0, 'printd']]);
    expect(found[1]!.known).toEqual(['name', 'printed']);
  });

  it('finds nothing in valid data, dates included', () => {
    expect(unknownKeys(z.object({ date: z.date() }), { date: new Date() })).toEqual([]);
  });
});

describe('closest', () => {
  it('suggests a near miss, case ignored', () => {
    expect(closest('readinghint', ['title', 'readingHint'])).toBe('readingHint');
    expect(closest('Figures', ['Figure', 'PullQuote'])).toBe('Figure');
  });

  it('suggests nothing for a different word', () => {
    expect(closest('Foo', ['Figure', 'PullQuote'])).toBeUndefined();
  });

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
