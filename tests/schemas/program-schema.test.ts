import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { programSchema } from '../../src/schemas/program-schema';
import { vocabulary } from '../helpers/honoree';
import { storyRef } from '../helpers/content';
import { readFrontmatter } from '../helpers/frontmatter';

const schema = programSchema({ vocabulary, storyRef });
const programFiles = readdirSync('content/programs')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => path.join('content/programs', name));

const figure = { value: '216', unit: '场次', label: '放映电影', date: '自惠工影院开放以来', sourceStory: 'shandong-huigong-yingyuan' };
const valid = { title: '惠工影院', summary: '简介', regions: ['山东'], keyFigures: [figure], stories: ['shandong-huigong-yingyuan'] };

function messages(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('programSchema', () => {
  it.each(programFiles)('accepts %s', (file) => {
    expect(messages(readFrontmatter(file))).toEqual([]);
  });

  it('fills the defaults and keeps optional answers absent', () => {
    const { keyFigures: _, ...bare } = valid;
    const data = schema.parse(bare);
    expect(data).toMatchObject({ howTo: [], keyFigures: [], order: 100 });
    expect(data.audience).toBeUndefined();
  });

  it('keeps values as printed and numbers as written', () => {
    const data = schema.parse({ ...valid, keyFigures: [{ ...figure, value: 2.79, unit: '万人次' }, { ...figure, value: '380余' }] });
    expect(data.keyFigures.map((f) => f.value)).toEqual(['2.79', '380余']);
  });

  it('turns a YAML date into an ISO day, and refuses a half-written one', () => {
    expect(schema.parse({ ...valid, keyFigures: [{ ...figure, date: new Date('2023-09-14') }] }).keyFigures[0]!.date).toBe('2023-09-14');
    expect(messages({ ...valid, keyFigures: [{ ...figure, date: '2023-9-14' }] })).toEqual(['keyFigures.0.date: 日期应写成 2023-09-14']);
  });

  it('names a missing title and summary', () => {
    const { title: _, summary: __, ...untitled } = valid;
    expect(messages(untitled)).toEqual(['title: 缺少项目名称（title）', 'summary: 缺少简介（summary）']);
  });

  it('requires every key figure to carry its unit, label, date and source', () => {
    expect(messages({ ...valid, keyFigures: [{ value: '216' }] })).toEqual([
      'keyFigures.0.unit: 缺少单位（unit），如 场次、万人次',
      'keyFigures.0.label: 缺少说明（label），如 放映电影',
      'keyFigures.0.date: 缺少时间（date）：照原文写“截至……”，原文没有时就写稿件日期，如 2023-09-14',
      expect.stringMatching(/^keyFigures\.0\.sourceStory: /),
    ]);
  });

  it('refuses a source story that does not exist and a region outside the vocabulary', () => {
    expect(messages({ ...valid, regions: ['青岛'], keyFigures: [{ ...figure, sourceStory: 'huigong' }] })).toEqual([
      expect.stringMatching(/^regions\.0: 未知的地区“青岛”/),
      'keyFigures.0.sourceStory: 找不到稿件“huigong”：content/news/ 里没有这个文件名（写文件名，不带 .mdx）',
    ]);
  });
});
