import { z } from 'astro/zod';
import { HONOR_LEVELS, HONOR_LEVEL_LABELS } from '../honors/levels';
import { COLLECTIVE_TYPE_LABELS, type CollectiveType } from '../honors/honoree';
import type { Vocabulary } from './vocabulary-schema';
import type { StoryRefSchema } from './story-ref-schema';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug 只能用小写字母、数字和连字符');

const levelSchema = z.enum(HONOR_LEVELS, {
  error: (issue) =>
    `未知的级别“${String(issue.input)}”，可用的有：${HONOR_LEVELS.map((level) => `${level}（${HONOR_LEVEL_LABELS[level]}）`).join('、')}`,
});

/** One entry of content/honor-names.yaml: a title's name as the site prints it, its URL slug and its level. */
export const honorNameSchema = z.object({ name: z.string().min(1), slug, level: levelSchema });

/**
 * content/honor-names.yaml: the only honor names honorees and totals may use. A title has one level
 * whoever holds it (全国劳动模范 is always national), so the level lives here, not on each honoree.
 */
export const honorNamesSchema = z
  .object({ honors: z.array(honorNameSchema) })
  .superRefine(({ honors }, ctx) => {
    for (const key of ['name', 'slug'] as const) {
      const seen = new Set<string>();
      honors.forEach((honor, index) => {
        if (seen.has(honor[key])) ctx.addIssue({ code: 'custom', path: ['honors', index, key], message: `重复的 ${key}“${honor[key]}”` });
        seen.add(honor[key]);
      });
    }
  });

export type HonorName = z.infer<typeof honorNameSchema>;
export type HonorNames = z.infer<typeof honorNamesSchema>;

function namedHonor(honorNames: HonorNames) {
  const byName = new Map(honorNames.honors.map((honor) => [honor.name, honor]));
  return z
    .string({ error: '缺少荣誉名称（name）' })
    .refine((name) => byName.has(name), {
      error: (issue) =>
        `未知的荣誉“${String(issue.input)}”，可用的有：${[...byName.keys()].join('、')}（见 content/honor-names.yaml）`,
    })
    .transform((name) => byName.get(name)!);
}

function region(vocabulary: Vocabulary) {
  const names = vocabulary.regions.map((term) => term.name);
  return z.string().refine((value) => names.includes(value), {
    error: (issue) => `未知的地区“${String(issue.input)}”，可用的有：${names.join('、')}（见 content/vocabulary.yaml）`,
  });
}

/** A four-digit year; the range catches slips like 20 or 20200. */
const year = z
  .number({ error: '年份（year）应写成四位数字，如 2020' })
  .int('年份（year）应写成四位数字，如 2020')
  .min(1949, '年份（year）应写成四位数字，如 2020')
  .max(2100, '年份（year）应写成四位数字，如 2020');

interface HonoreeSchemaOptions {
  vocabulary: Vocabulary;
  honorNames: HonorNames;
  /** storyRefSchema(reference('news'), …) */
  storyRef: StoryRefSchema;
}

/**
 * One honoree (content/honors/<pinyin>.yaml): a person or a collective and the honors the stories give
 * it. Only what the source says: conferring body, year, employer and position are left out when the
 * story does not print them. Each honor resolves to its controlled name, slug and level.
 */
export function honoreeSchema({ vocabulary, honorNames, storyRef }: HonoreeSchemaOptions) {
  return z
    .object({
      name: z.string({ error: '缺少姓名或名称（name）' }).min(1, '姓名或名称（name）不能为空'),
      kind: z.enum(['person', 'collective'], { error: 'kind 只能是 person（个人）或 collective（集体）' }),
      /** For collectives: a team, a station or a unit. */
      collectiveType: z
        .enum(Object.keys(COLLECTIVE_TYPE_LABELS) as [CollectiveType, ...CollectiveType[]], {
          error: `collectiveType 只能是 ${Object.entries(COLLECTIVE_TYPE_LABELS).map(([key, label]) => `${key}（${label}）`).join('、')}`,
        })
        .optional(),
      /** 单位 (for a collective: the unit it belongs to), as printed. */
      employer: z.string().min(1).optional(),
      /** 职务, as printed after the employer: 中铁大桥局 + 副总工程师. */
      position: z.string().min(1).optional(),
      regions: z.array(region(vocabulary)).min(1, '至少填写一个地区（regions）'),
      honors: z
        .array(
          z.object({
            name: namedHonor(honorNames),
            /** The story's wording when it differs from the controlled name: 全国劳模 for 全国劳动模范. */
            printed: z.string().min(1).optional(),
            /** 授予单位, only where the story names it. */
            conferredBy: z.string().min(1).optional(),
            year: year.optional(),
          }),
        )
        .min(1, '至少填写一项荣誉（honors）'),
      /** The words the story introduces them with, verbatim: the roll's evidence. */
      asPrinted: z.string({ error: '缺少原文表述（asPrinted）：照抄报道中介绍此人或集体的原话' }).min(1),
      stories: z.array(storyRef).min(1, '至少引用一篇报道（stories）'),
    })
    .refine((data) => data.kind === 'collective' || !data.collectiveType, {
      error: '只有集体（kind: collective）才填写 collectiveType',
      path: ['collectiveType'],
    })
    .refine((data) => data.kind === 'person' || data.collectiveType, {
      error: '集体（kind: collective）需要填写 collectiveType：team、station 或 unit',
      path: ['collectiveType'],
    })
    .transform(({ honors, ...rest }) => ({
      ...rest,
      honors: honors.map(({ name, ...honor }) => ({ ...honor, name: name.name, slug: name.slug, level: name.level })),
    }));
}

interface HonorTotalSchemaOptions {
  vocabulary: Vocabulary;
  honorNames: HonorNames;
  storyRef: StoryRefSchema;
}

/**
 * Aggregate figures a story gives without names (content/honor-totals/*.yaml), e.g. 四川: 大国工匠 4人.
 * They are shown as figures with their source, never turned into honorees.
 */
export function honorTotalSchema({ vocabulary, honorNames, storyRef }: HonorTotalSchemaOptions) {
  return z.object({
    /** Who did the recommending or conferring, as printed: 四川工会. */
    subject: z.string().min(1),
    /** The verb phrase as printed: 累计推荐评选. */
    action: z.string().min(1),
    /** The period as printed: 过去5年. */
    date: z.string().min(1),
    region: region(vocabulary),
    figures: z
      .array(
        z.object({
          honor: namedHonor(honorNames),
          value: z.union([z.string().min(1), z.number()]).transform(String),
          unit: z.string().min(1),
        }),
      )
      .min(1),
    sourceStory: storyRef,
  });
}

export type HonoreeData = z.infer<ReturnType<typeof honoreeSchema>>;
export type Honor = HonoreeData['honors'][number];
export type HonorTotalData = z.infer<ReturnType<typeof honorTotalSchema>>;
