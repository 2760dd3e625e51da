import { z } from 'astro/zod';
import type { Vocabulary } from './vocabulary-schema';
import type { StoryRefSchema } from './story-ref-schema';
import { readCalendarDate } from './written-time';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A figure exactly as the story prints it: value and unit side by side read as in the text (216 场次,
 * 2.79 万人次, 380余 人次, 不少于1104 个), so values are strings. YAML numbers are accepted and kept as
 * written; quote values like "3.60" whose zeros matter.
 */
export function keyFigureSchema(storyRef: StoryRefSchema) {
  return z.object({
    value: z.union([z.string().min(1), z.number()], { error: '数值（value）应照原文填写，如 216、2.79、380余' }).transform(String),
    unit: z.string({ error: '缺少单位（unit），如 场次、万人次' }).min(1),
    label: z.string({ error: '缺少说明（label），如 放映电影' }).min(1),
    /** The time the figure refers to as printed (截至8月30日, 自惠工影院开放以来), or the story's date as 2023-09-14. */
    date: z
      .union([z.string().min(1), z.date()], { error: '缺少时间（date）：照原文写“截至……”，原文没有时就写稿件日期，如 2023-09-14' })
      .transform((date) => (date instanceof Date ? date.toISOString().slice(0, 10) : date))
      .refine((date) => !/^\d{4}-\d/.test(date) || isoDay.test(date), { error: '日期应写成 2023-09-14' })
      .superRefine((date, ctx) => {
        const reading = isoDay.test(date) ? readCalendarDate(date) : undefined;
        if (reading && !reading.ok) ctx.addIssue({ code: 'custom', message: reading.message, params: { fix: reading.fix } });
      }),
    sourceStory: storyRef,
  });
}

interface ProgramSchemaOptions {
  vocabulary: Vocabulary;
  storyRef: StoryRefSchema;
}

/**
 * Frontmatter of a program page (content/programs/<id>.mdx): the structured summary shown above the body.
 * Who, where, when and how are optional because the stories do not always say; the page then says so.
 */
export function programSchema({ vocabulary, storyRef }: ProgramSchemaOptions) {
  const regionNames = vocabulary.regions.map((term) => term.name);
  return z.object({
    title: z.string({ error: '缺少项目名称（title）' }).min(1, '项目名称（title）不能为空'),
    /** The full name where the story gives one: 驻青外经贸职工惠工影院. */
    fullName: z.string().min(1).optional(),
    /** One or two sentences for the index and the meta description. */
    summary: z.string({ error: '缺少简介（summary）' }).min(1),
    regions: z
      .array(
        z.string().refine((value) => regionNames.includes(value), {
          error: (issue) => `未知的地区“${String(issue.input)}”，可用的有：${regionNames.join('、')}（见 content/vocabulary.yaml）`,
        }),
      )
      .min(1, '至少填写一个地区（regions）'),
    /** 主办或承办单位, as printed. */
    operator: z.string().min(1).optional(),
    /** 服务对象 */
    audience: z.string().min(1).optional(),
    /** 地点 */
    where: z.string().min(1).optional(),
    /** 时间 */
    when: z.string().min(1).optional(),
    /** 怎么用: steps in order. */
    howTo: z.array(z.string().min(1)).default([]),
    keyFigures: z.array(keyFigureSchema(storyRef)).default([]),
    /** The stories the page draws on. */
    stories: z.array(storyRef).min(1, '至少引用一篇报道（stories）'),
    /** Position on the /programs/ index, smaller first. */
    order: z.number().int().positive().default(100),
  });
}

export type ProgramData = z.infer<ReturnType<typeof programSchema>>;
export type KeyFigure = ProgramData['keyFigures'][number];
