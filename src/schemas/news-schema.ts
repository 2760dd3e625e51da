import { z } from 'astro/zod';
import type { Vocabulary } from './vocabulary-schema';
import { calendarDateSchema, writtenInstantSchema } from './written-time';

/** One credit group as printed, e.g. 本报记者 杨明清 张嫱 → { role: '本报记者', names: ['杨明清', '张嫱'] }. */
export const creditSchema = z.object({
  role: z.string().min(1),
  names: z.array(z.string().min(1)).min(1),
});

function oneOf(terms: Vocabulary['regions'], what: string) {
  const names = terms.map((term) => term.name);
  return z.string().refine((value) => names.includes(value), {
    error: (issue) => `未知的${what}“${String(issue.input)}”，可用的有：${names.join('、')}（见 content/vocabulary.yaml）`,
  });
}

/**
 * Frontmatter of a news story (content/news/*.mdx). Regions, column and tags are checked against the
 * controlled vocabulary, so a typo fails the build instead of creating a stray list page.
 */
export function newsSchema(vocabulary: Vocabulary) {
  return z
    .object({
      /** 引题: the line above the headline. */
      kicker: z.string().min(1).optional(),
      title: z.string({ error: '缺少标题（title）' }).min(1, '标题（title）不能为空'),
      /** 副题: the line below the headline. */
      subtitle: z.string().min(1).optional(),
      /** story: 通讯、消息; brief: 简讯; photo: 图片新闻 (caption and credit, no image invented). */
      kind: z.enum(['story', 'brief', 'photo']).default('story'),
      byline: z.array(creditSchema).default([]),
      /** 本报讯 and the like; the byline is then printed in brackets after it. */
      dateline: z.string().min(1).optional(),
      date: calendarDateSchema('日期（date）无效，应写成 2023-09-14'),
      regions: z.array(oneOf(vocabulary.regions, '地区')).min(1, '至少填写一个地区（regions）'),
      column: oneOf(vocabulary.columns, '栏目'),
      tags: z.array(oneOf(vocabulary.tags, '标签')).default([]),
      /** 阅读提示 */
      readingHint: z.string().min(1).optional(),
      /** Photo credit as printed, e.g. 新华社记者 牟宇 摄. */
      photoCredit: z.string().min(1).optional(),
      /** The front page's lead story. */
      lead: z.boolean().default(false),
      /** Position among stories of the same date, smaller first (版面顺序). */
      order: z.number().int().positive().default(100),
      draft: z.boolean().default(false),
      /** Scheduled publishing: the story appears in the first build at or after this time. */
      publishAt: writtenInstantSchema('定时发布时间（publishAt）无效，应写成 2023-09-14T08:00:00+08:00').optional(),
    })
    .refine((data) => data.kind !== 'photo' || data.photoCredit, {
      error: '图片新闻（kind: photo）需要填写 photoCredit（如：新华社记者 某某 摄）',
      path: ['photoCredit'],
    });
}

export type NewsData = z.infer<ReturnType<typeof newsSchema>>;
export type Credit = z.infer<typeof creditSchema>;
