import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { describeIssue, fieldName } from '../../src/content-check/zod-issues';

const issues = (schema: z.ZodType, data: unknown) => {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? [] : result.error.issues.map(describeIssue);
};

describe('describeIssue', () => {
  const schema = z.object({
    title: z.string(),
    order: z.number().int().positive(),
    lead: z.boolean(),
    regions: z.array(z.string()).min(1),
    kind: z.enum(['story', 'brief']),
  });

  it('puts zod’s English defaults into Chinese, with a fix', () => {
    expect(issues(schema, { order: '一', lead: '是', regions: [], kind: 'news' })).toEqual([
      { message: '缺少 title', fix: '补上 title：文字' },
      { message: 'order 应为数字，现在是“一”', fix: '写成数字，不加引号' },
      { message: 'lead 应为 true 或 false，现在是“是”', fix: '写 true 或 false' },
      { message: 'regions 至少要写 1 项', fix: '补上缺少的项' },
      { message: 'kind 不能是“news”', fix: '只能是 story、brief' },
    ]);
  });

  it('keeps the schemas’ own Chinese messages, prefixed with the field', () => {
    const own = z.object({ title: z.string({ error: '缺少标题（title）' }) });
    expect(issues(own, {})).toEqual([{ message: 'title：缺少标题（title）' }]);
  });
});

describe('fieldName', () => {
  it('joins the path with dots', () => {
    expect(fieldName(['honors', 0, 'name'])).toBe('honors.0.name');
    expect(fieldName([])).toBe('（整个文件）');
  });
});
