/**
 * What `npm run new` writes: a URL slug for a title or a name, and a new file for each kind of content,
 * written as the browser editor writes it. Pure; scripts/new-content.ts does the reading and writing.
 */
import { dump } from 'js-yaml';
import { releaseTime } from '../src/cinema/release-window.ts';
import { pinyinSlug, SLUG } from '../src/content-check/slug.ts';
import type { HonorNames } from '../src/schemas/honor-schema.ts';
import type { Vocabulary } from '../src/schemas/vocabulary-schema.ts';

export const CONTENT_KINDS = ['news', 'honor', 'program', 'screening'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export { pinyinSlug, SLUG };

/**
 * YAML as the browser editor writes it: Keystatic saves with js-yaml's dump and its defaults (block lists,
 * quotes only where needed), keys in the order of its schema. Templates written this way are not restyled
 * by the editor's first save (tests/keystatic/editor-style.test.ts).
 */
const editorYaml = (data: Record<string, unknown>) => dump(data);

/** A calendar day as Keystatic's date field hands it to js-yaml: a Date that prints as the bare day. */
function calendarDay(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.toISOString = () => day;
  return date;
}

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

/**
 * A new story as the browser editor would save it (src/keystatic/collections.ts): a draft, so it never goes
 * live by accident, in its first region and column. What each field means is in the editor's labels and
 * docs/编辑指南.md; the file holds no comments, since the editor's first save would drop them.
 */
export function newsTemplate({ title, today, vocabulary }: NewsOptions): string {
  const data = {
    title,
    kind: 'story',
    byline: [],
    date: calendarDay(today),
    regions: [vocabulary.regions[0]?.name ?? ''],
    column: vocabulary.columns[0]?.name ?? '',
    tags: [],
    lead: false,
    order: 100,
    draft: true,
  };
  return `---\n${editorYaml(data)}---\n在这里写正文。\n`;
}

interface HonorOptions {
  name: string;
  vocabulary: Vocabulary;
  honorNames: HonorNames;
  /** The story that names them. */
  story: string;
}

/** A new honoree, as the editor saves one. It shows on the roll once its story is published. */
export function honorTemplate({ name, vocabulary, honorNames, story }: HonorOptions): string {
  return editorYaml({
    name,
    kind: 'person',
    regions: [vocabulary.regions[0]?.name ?? ''],
    honors: [{ name: honorNames.honors[0]?.name ?? '' }],
    asPrinted: name,
    stories: [story],
  });
}

interface ProgramOptions {
  title: string;
  vocabulary: Vocabulary;
  story: string;
}

/** A new program page, as the editor saves one: its summary in the frontmatter, an introduction in the body. */
export function programTemplate({ title, vocabulary, story }: ProgramOptions): string {
  const data = {
    title,
    summary: `${title}：在这里写一两句话的简介。`,
    regions: [vocabulary.regions[0]?.name ?? ''],
    howTo: [],
    keyFigures: [],
    stories: [story],
    order: 100,
  };
  return `---\n${editorYaml(data)}---\n在这里写项目介绍。\n`;
}

interface ScreeningOptions {
  /** screeningId(startsAt, hall), or the editor's own. */
  id: string;
  title: string;
  /** The hall's file name in content/halls/. */
  hall: string;
  /** 2026-12-02T18:30:00+08:00 */
  startsAt: string;
}

/** 2026-11-30T12:00:00+08:00 for an instant, as editors write times. */
export function beijingIso(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** When seats of a screening starting at `startsAt` are released if the file sets no releaseAt. */
export function releaseByRule(startsAt: string): string {
  return beijingIso(releaseTime(new Date(startsAt)));
}

/** A new screening, as the editor saves one; seats are released by the rule (releaseByRule) unless releaseAt is set. */
export function screeningTemplate({ id, title, hall, startsAt }: ScreeningOptions): string {
  return editorYaml({
    id,
    film: { title, synopsis: `${title}：在这里写一两句话的影片简介。`, runtimeMinutes: 120, sample: false },
    hall,
    startsAt,
  });
}
