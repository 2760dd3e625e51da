import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { honoreeSchema, honorNamesSchema, honorTotalSchema } from '../../src/schemas/honor-schema';
import { honorNames, vocabulary } from '../helpers/honoree';
import { storyRef, yamlEntries } from '../helpers/content';

const schema = honoreeSchema({ vocabulary, honorNames, storyRef });
const totals = honorTotalSchema({ vocabulary, honorNames, storyRef });

const valid = {
  name: '王效知',
  kind: 'person',
  regions: ['湖北'],
  honors: [{ name: '荆楚工匠' }],
  asPrinted: '荆楚工匠王效知',
  stories: ['hubei-laomo-gongjiang-jin-xiaoyuan'],
};

function messages(data: unknown, using: { safeParse(data: unknown): any } = schema): string[] {
  const result = using.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue: any) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('honorNamesSchema', () => {
  it('accepts content/honor-names.yaml', () => {
    expect(honorNamesSchema.safeParse(parse(readFileSync('content/honor-names.yaml', 'utf8'))).success).toBe(true);
  });

  it('refuses an unknown level, a non-ASCII slug and duplicates', () => {
    const result = honorNamesSchema.safeParse({
      honors: [
        { name: '甲', slug: 'jia', level: 'county' },
        { name: '乙', slug: '乙', level: 'city' },
        { name: '甲', slug: 'jia', level: 'city' },
      ],
    });
    const found = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(found).toEqual(['honors.0.level', 'honors.1.slug']);
    // Duplicates are checked once each entry is valid on its own.
    const duplicates = honorNamesSchema.safeParse({
      honors: [
        { name: '甲', slug: 'jia', level: 'city' },
        { name: '甲', slug: 'jia', level: 'city' },
      ],
    });
    expect(duplicates.success ? [] : duplicates.error.issues.map((issue) => issue.message)).toEqual(['重复的 name“甲”', '重复的 slug“jia”']);
  });
});

describe('honoreeSchema', () => {
  it.each(yamlEntries('content/honors'))('accepts content/honors/%s.yaml', (_, data) => {
    expect(messages(data)).toEqual([]);
  });

  it('resolves each honor to its slug and level, and the stories to references', () => {
    expect(schema.parse({ ...valid, honors: [{ name: '全国劳动模范', printed: '全国劳模' }] })).toMatchObject({
      honors: [{ name: '全国劳动模范', slug: 'quanguo-laodong-mofan', level: 'national', printed: '全国劳模' }],
      stories: [{ id: 'hubei-laomo-gongjiang-jin-xiaoyuan', collection: 'news' }],
    });
  });

  it('names a missing name and a missing quotation', () => {
    const { name: _, asPrinted: __, ...bare } = valid;
    expect(messages(bare)).toEqual([
      'name: 缺少姓名或名称（name）',
      'asPrinted: 缺少原文表述（asPrinted）：照抄报道中介绍此人或集体的原话',
    ]);
  });

  it('refuses an honor outside content/honor-names.yaml', () => {
    expect(messages({ ...valid, honors: [{ name: '全国劳模' }] })).toEqual([
      expect.stringMatching(/^honors\.0\.name: 未知的荣誉“全国劳模”，可用的有：党的二十大代表、全国劳动模范/),
    ]);
  });

  it('refuses a region outside the vocabulary', () => {
    expect(messages({ ...valid, regions: ['武汉'] })).toEqual([expect.stringMatching(/^regions\.0: 未知的地区“武汉”/)]);
  });

  it('refuses a story that does not exist', () => {
    expect(messages({ ...valid, stories: ['no-such-story'] })).toEqual([
      'stories.0: 找不到稿件“no-such-story”：content/news/ 里没有这个文件名（写文件名，不带 .mdx）',
    ]);
  });

  it('requires at least one honor and one story', () => {
    expect(messages({ ...valid, honors: [], stories: [] })).toEqual([
      'honors: 至少填写一项荣誉（honors）',
      'stories: 至少引用一篇报道（stories）',
    ]);
  });

  it('requires a collective to say what kind it is, and only a collective', () => {
    expect(messages({ ...valid, kind: 'collective' })).toEqual([
      'collectiveType: 集体（kind: collective）需要填写 collectiveType：team、station 或 unit',
    ]);
    expect(messages({ ...valid, collectiveType: 'station' })).toEqual(['collectiveType: 只有集体（kind: collective）才填写 collectiveType']);
  });

  it('takes a year only as a four-digit number', () => {
    expect(messages({ ...valid, honors: [{ name: '荆楚工匠', year: 2021 }] })).toEqual([]);
    expect(messages({ ...valid, honors: [{ name: '荆楚工匠', year: '2021年' }] })).toEqual([
      'honors.0.year: 年份（year）应写成四位数字，如 2020',
    ]);
    expect(messages({ ...valid, honors: [{ name: '荆楚工匠', year: 21 }] })).toEqual(['honors.0.year: 年份（year）应写成四位数字，如 2020']);
  });
});

describe('honorTotalSchema', () => {
  it.each(yamlEntries('content/honor-totals'))('accepts content/honor-totals/%s.yaml', (_, data) => {
    expect(messages(data, totals)).toEqual([]);
  });

  it('refuses an unknown honor and a missing source', () => {
    const [[, data]] = yamlEntries('content/honor-totals') as [[string, Record<string, any>]];
    const { sourceStory: _, ...unsourced } = data;
    expect(messages({ ...unsourced, figures: [{ honor: '工匠', value: 1, unit: '人' }] }, totals)).toEqual([
      expect.stringMatching(/^figures\.0\.honor: 未知的荣誉“工匠”/),
      expect.stringMatching(/^sourceStory: /),
    ]);
  });
});
