/**
 * What `npm run new` writes: a URL slug for a title or a name, and a new file for each kind of content,
 * every field present with a short Chinese comment. Pure; scripts/new-content.ts does the reading and writing.
 */
import { releaseTime } from '../src/cinema/release-window.ts';
import { pinyinSlug, SLUG } from '../src/content-check/slug.ts';
import type { HonorNames } from '../src/schemas/honor-schema.ts';
import type { Vocabulary } from '../src/schemas/vocabulary-schema.ts';

export const CONTENT_KINDS = ['news', 'honor', 'program', 'screening'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export { pinyinSlug, SLUG };

/** A YAML string that survives any title: JSON's double-quoted strings are valid YAML. */
const quoted = (text: string) => JSON.stringify(text);

const names = (terms: readonly { name: string }[]) => terms.map((term) => term.name).join('、');

/** Midnight-free calendar arithmetic on 2023-09-14 strings. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The calendar day in Beijing time (Asia/Shanghai has no daylight saving: always UTC+8). */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The first Wednesday after `now` (Beijing time) at 18:30, when the cinema shows films after work, skipping
 * Wednesdays whose evening already has a screening (`taken` holds screening file names, which start with
 * the start as written at creation: 2026-12-02-1830, 2026-12-09-1830-huigong-yingyuan).
 */
export function nextWednesdayEvening(now: Date, taken: ReadonlySet<string> = new Set()): string {
  const today = shanghaiDay(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const isTaken = (day: string) => [...taken].some((name) => name.startsWith(`${day}-1830`));
  let day = addDays(today, (3 - weekday + 7) % 7 || 7);
  for (let week = 0; week < 104 && isTaken(day); week += 1) day = addDays(day, 7);
  return `${day}T18:30:00+08:00`;
}

/**
 * A new screening's id (and file name): its start and hall, 2026-12-02-1830-huigong-yingyuan. Fixed at
 * creation: tickets are filed under it, so it stays when the screening is moved.
 */
export function screeningId(startsAt: string, hall: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(startsAt);
  if (!match) throw new Error(`开场时间应写成 2026-12-02T18:30:00+08:00：${startsAt}`);
  return `${match[1]}-${match[2]}${match[3]}-${hall}`;
}

/** "2026-12-04 18:30" (Beijing time, as an editor types it) → 2026-12-04T18:30:00+08:00, or undefined. */
export function parseBeijingTime(text: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const startsAt = `${match[1]}T${match[2]!.padStart(2, '0')}:${match[3]}:00+08:00`;
  return Number.isNaN(Date.parse(startsAt)) ? undefined : startsAt;
}

interface NewsOptions {
  title: string;
  /** Today in Beijing time: 2023-09-14. */
  today: string;
  vocabulary: Vocabulary;
}

/** A new story: a draft, so it never goes live by accident; optional fields commented out. */
export function newsTemplate({ title, today, vocabulary }: NewsOptions): string {
  return `---
# 新稿件。各项说明见 docs/编辑指南.md；写好后运行 npm run check 检查。
# 引题：标题上面的一行，没有就保持注释
# kicker: ""
# 标题（必填）
title: ${quoted(title)}
# 副题：标题下面的一行，没有就保持注释
# subtitle: ""
# 体裁：story 通讯、消息 · brief 简讯 · photo 图片新闻（图片新闻要填 photoCredit）
kind: story
# 署名：照原文，一组一行；没有署名就保持 []
byline: []
#  - role: 本报记者
#    names: [某某, 某某]
# 电头：如“本报讯”，署名会印在它后面的括号里；没有电头就保持注释
# dateline: 本报讯
# 日期（北京时间）
date: ${today}
# 地区，至少一个，可用：${names(vocabulary.regions)}
regions: [${vocabulary.regions[0]?.name ?? ''}]
# 栏目，一个，可用：${names(vocabulary.columns)}
column: ${vocabulary.columns[0]?.name ?? ''}
# 标签，可以不填，可用：${names(vocabulary.tags)}
tags: []
# 阅读提示：正文上面的提示框，没有就保持注释
# readingHint: ""
# 图片署名，照原文，如“新华社记者 某某 摄”；图片新闻必填
# photoCredit: ""
# 头条：true 放在首页头条
lead: false
# 同一天的稿件按它排序，小的在前（1 为头条）
order: 100
# 草稿：true 时只在 npm run dev 里看得到（标着“草稿”），正式网站不发布；写好了改成 false
draft: true
# 定时发布（北京时间）：到点后的第一次构建才上线；不定时就保持注释
# publishAt: ${addDays(today, 1)}T08:00:00+08:00
---

{/* 在下面写正文，段落之间空一行；小标题写成“## 小标题”。可用的组件（关键数字、图片、引语……）见 docs/编辑指南.md。 */}

在这里写正文。
`;
}

interface HonorOptions {
  name: string;
  vocabulary: Vocabulary;
  honorNames: HonorNames;
  /** The story that names them. */
  story: string;
}

/** A new honoree. It shows on the roll once its story is published; only what the story says is filled in. */
export function honorTemplate({ name, vocabulary, honorNames, story }: HonorOptions): string {
  return `# 光荣榜条目：文件名（拼音）就是网址。各项说明见 docs/编辑指南.md。
# 只写原报道写了的：原文没有的单位、职务、年份、授予单位，就保持注释。
# 姓名或集体名称（必填）
name: ${quoted(name)}
# person 个人 · collective 集体（集体还要填 collectiveType）
kind: person
# 集体的类型：team 班组 · station 站点 · unit 单位；个人不填
# collectiveType: team
# 单位，照原文
# employer: ""
# 职务，照原文；单位和职务连起来应与原文一致
# position: ""
# 地区，至少一个，可用：${names(vocabulary.regions)}
regions: [${vocabulary.regions[0]?.name ?? ''}]
# 荣誉，至少一项，名称只能用 content/honor-names.yaml 里的：${names(honorNames.honors)}
honors:
  - name: ${honorNames.honors[0]?.name ?? ''}
    # 原文写法与规范名称不同时填写，如“全国劳模”
    # printed: ""
    # 授予单位，原文写了才填
    # conferredBy: ""
    # 年份，原文写了才填
    # year: 2023
# 原文表述（必填）：照抄报道中介绍此人的原话，如“全国技术能手、全国五一劳动奖章获得者秦环兵”
asPrinted: ${quoted(name)}
# 报道此人的稿件文件名（不带 .mdx），至少一篇；稿件发布后，条目才出现在光荣榜上
stories: [${story}]
`;
}

interface ProgramOptions {
  title: string;
  vocabulary: Vocabulary;
  story: string;
}

/** A new program page: its summary in the frontmatter, an introduction in the body. */
export function programTemplate({ title, vocabulary, story }: ProgramOptions): string {
  return `---
# 服务项目。各项说明见 docs/编辑指南.md。服务项目没有草稿状态：保存后下一次构建就上线。
# 原报道没写的项保持注释，页面上会显示“原报道未说明”。
# 项目名称（必填）
title: ${quoted(title)}
# 报道中的全称，和名称不同时填写
# fullName: ""
# 简介（必填）：一两句话，用在项目列表和搜索结果里
summary: ${quoted(`${title}：在这里写一两句话的简介。`)}
# 地区，至少一个，可用：${names(vocabulary.regions)}
regions: [${vocabulary.regions[0]?.name ?? ''}]
# 主办或承办单位，照原文
# operator: ""
# 服务对象
# audience: ""
# 地点
# where: ""
# 时间
# when: ""
# 怎么用：按步骤写，一步一行
howTo: []
#  - 第一步……
# 关键数字：数值和单位照原文，date 照原文写时间（原文没有就写稿件日期），sourceStory 是来源稿件
keyFigures: []
#  - { value: "216", unit: 场次, label: 放映电影, date: 自惠工影院开放以来, sourceStory: ${story} }
# 介绍这个项目的稿件文件名（不带 .mdx），至少一篇
stories: [${story}]
# 在服务项目列表里的位置，小的在前
order: 100
---

在这里写项目介绍。
`;
}

interface ScreeningOptions {
  /** screeningId(startsAt, hall), or the editor's own. */
  id: string;
  title: string;
  /** The hall's file name in content/halls/. */
  hall: string;
  halls: readonly string[];
  /** 2026-12-02T18:30:00+08:00 */
  startsAt: string;
}

/** 2026-11-30T12:00:00+08:00 for an instant, as editors write times. */
export function beijingIso(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A new screening; seats are released by the rule unless releaseAt is set. */
export function screeningTemplate({ id, title, hall, halls, startsAt }: ScreeningOptions): string {
  const release = beijingIso(releaseTime(new Date(startsAt)));
  return `# 一场放映。各项说明见 docs/编辑指南.md。保存后下一次构建就上线。
# 场次编号：电子票都记在它名下，放票后不要改（改开场时间或文件名时保留它）
id: ${id}
film:
  # 片名（必填）
  title: ${quoted(title)}
  # 简介（必填），一两句话
  synopsis: ${quoted(`${title}：在这里写一两句话的影片简介。`)}
  # 片长，分钟（必填）
  runtimeMinutes: 120
  # 分级或观影提示，没有就保持注释
  # rating: ""
  # 示例数据才写 true（页面上会注明是示例）
  sample: false
# 影厅：content/halls/ 里的文件名（不带 .yaml），可用：${halls.join('、')}
hall: ${hall}
# 开场时间，北京时间，带 +08:00
startsAt: ${startsAt}
# 放票时间：不写就按规则算（开场前至少 24 小时的最近一个周一或周四中午 12:00，这一场是 ${release}）；要改才写
# releaseAt: ${release}
# 基层工会包场：整场不对个人放票；不是包场就保持注释
# booking:
#   union: 某某公司工会
`;
}
