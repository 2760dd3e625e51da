import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { newsSchema } from '../../src/schemas/news-schema';
import { vocabularySchema } from '../../src/schemas/vocabulary-schema';
import { readFrontmatter, storyFiles } from '../helpers/frontmatter';

const vocabulary = vocabularySchema.parse(parse(readFileSync('content/vocabulary.yaml', 'utf8')));
const schema = newsSchema(vocabulary);

const valid = { title: '标题', date: '2023-09-14', regions: ['四川'], column: '要闻' };

function messages(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('newsSchema', () => {
  it.each(storyFiles('content/news'))('accepts %s', (file) => {
    expect(messages(readFrontmatter(file))).toEqual([]);
  });

  it('fills the defaults', () => {
    expect(schema.parse(valid)).toMatchObject({ kind: 'story', byline: [], tags: [], draft: false, lead: false });
  });

  it('names a missing headline', () => {
    const { title: _, ...untitled } = valid;
    expect(messages(untitled)).toEqual(['title: 缺少标题（title）']);
  });

  it('names a bad date', () => {
    expect(messages({ ...valid, date: '2023年9月14日' })).toEqual(['date: 日期（date）无效，应写成 2023-09-14']);
  });

  it('refuses regions, columns and tags outside the vocabulary', () => {
    const found = messages({ ...valid, regions: ['火星'], column: '体育', tags: ['工会驿站', '不存在'] });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^regions\.0: 未知的地区“火星”/);
    expect(found[1]).toMatch(/^column: 未知的栏目“体育”/);
    expect(found[2]).toMatch(/^tags\.1: 未知的标签“不存在”/);
  });

  it('requires a credit on photo stories', () => {
    expect(messages({ ...valid, kind: 'photo' })).toEqual([
      'photoCredit: 图片新闻（kind: photo）需要填写 photoCredit（如：新华社记者 某某 摄）',
    ]);
  });
});
