import { fields, singleton } from '@keystatic/core';
import { SLUG } from '../content-check/slug';

/** A controlled list: each term's name as entries write it and its URL segment. */
const terms = (label: string, { min = 1 } = {}) =>
  fields.array(
    fields.object({
      name: fields.text({ label: '名称（稿件里选的就是它）', validation: { isRequired: true } }),
      slug: fields.text({
        label: '网址名（小写拼音或英文，用连字符；发布后不要再改，旧网址会失效）',
        validation: { isRequired: true, pattern: { regex: SLUG, message: '网址名只能用小写字母、数字和连字符，如 fuwu-zhigong' } },
      }),
    }),
    { label, itemLabel: (p) => `${p.fields.name.value}（${p.fields.slug.value}）`, validation: { length: { min } } },
  );

/** The files the editor edits as one page each, labelled in Chinese. */
export function editorSingletons() {
  return {
    vocabulary: singleton({
      label: '受控词表（地区、栏目、标签）',
      path: 'content/vocabulary',
      format: { data: 'yaml' },
      schema: {
        regions: terms('地区（至少一个）'),
        columns: terms('栏目（至少一个）'),
        tags: terms('标签（至少一个）'),
      },
    }),
    stationDistricts: singleton({
      label: '驿站所在区',
      path: 'content/station-districts',
      format: { data: 'yaml' },
      schema: { districts: terms('区（暖蜂驿站的“所在区”只能选这里的；网址名用在该区的筛选页）', { min: 0 }) },
    }),
  };
}
