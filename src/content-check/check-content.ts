import { z } from 'astro/zod';
import { buildCatalogue } from '../cinema/catalogue.ts';
import { releaseTime } from '../cinema/release-window.ts';
import { hallSchema, type Hall } from '../cinema/hall-schema.ts';
import { screeningSchema, type ScreeningSource } from '../cinema/screening-schema.ts';
import { RESERVED_HONOREE_IDS } from '../honors/check-honorees.ts';
import type { Honoree } from '../honors/honoree.ts';
import type { Story } from '../news/story.ts';
import { honoreeSchema, honorNamesSchema, honorTotalSchema, type HonorNames } from '../schemas/honor-schema.ts';
import { newsSchema } from '../schemas/news-schema.ts';
import { programSchema } from '../schemas/program-schema.ts';
import { stationDistrictsSchema, stationSchema, type StationDistricts } from '../schemas/station-schema.ts';
import { storyRefSchema, type StoryRef } from '../schemas/story-ref-schema.ts';
import { readInstant } from '../schemas/written-time.ts';
import { vocabularySchema, type Vocabulary } from '../schemas/vocabulary-schema.ts';
import type { Station } from '../stations/station-facets.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { futureDateProblem } from './future-date.ts';
import { HOUSE_COMPONENTS, LINKED_COLLECTIONS, PROGRAM_PAGE_COMPONENTS } from './house-components.ts';
import { plainText, scanMdx, type MdxLink } from './mdx-scan.ts';
import { sortProblems, type Problem } from './problem.ts';
import { closest, unknownKeys } from './schema-keys.ts';
import { sitePaths } from './site-paths.ts';
import { pinyinSlug, SLUG } from './slug.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { writtenTimeProblems } from './written-times.ts';
import { describeIssue, fieldName } from './zod-issues.ts';

/** A content folder as the check sees it; the CLI reads it from disk. */
export interface ContentFiles {
  /** How to name the folder in messages: `content`, or a fixture's path. */
  root: string;
  /** Every file under the folder: its path relative to the folder (with /) → its text. */
  files: ReadonlyMap<string, string>;
  /** Every file under public/, as the URL path it is served at: /favicon.svg. */
  publicFiles: ReadonlySet<string>;
  /**
   * The screening files as last committed (git HEAD), path relative to the folder → text, when known:
   * a released screening whose id has gone since then has orphaned its tickets.
   */
  committed?: ReadonlyMap<string, string>;
}

export interface CheckResult {
  /** Every problem found, by file and line. */
  problems: Problem[];
  /** How many content files were read. */
  checkedFiles: number;
}

type CollectionName = 'news' | 'honors' | 'honorTotals' | 'programs' | 'stations' | 'halls' | 'screenings';

interface CollectionSpec {
  name: CollectionName;
  dir: string;
  /** Which files its loader reads (src/content.config.ts, scripts/build-catalogue.ts). */
  pattern: RegExp;
  extension: string;
  recursive?: boolean;
  mdx?: boolean;
  /** Read by scripts/build-catalogue.ts, whose YAML has no timestamps: times stay the text as written. */
  plainYaml?: boolean;
}

const COLLECTIONS: CollectionSpec[] = [
  { name: 'news', dir: 'news', pattern: /\.mdx?$/, extension: '.mdx', recursive: true, mdx: true },
  { name: 'honors', dir: 'honors', pattern: /\.yaml$/, extension: '.yaml' },
  { name: 'honorTotals', dir: 'honor-totals', pattern: /\.yaml$/, extension: '.yaml' },
  { name: 'programs', dir: 'programs', pattern: /\.mdx$/, extension: '.mdx', mdx: true },
  { name: 'stations', dir: 'stations', pattern: /\.yaml$/, extension: '.yaml' },
  { name: 'halls', dir: 'halls', pattern: /\.ya?ml$/, extension: '.yaml', plainYaml: true },
  { name: 'screenings', dir: 'screenings', pattern: /\.ya?ml$/, extension: '.yaml', plainYaml: true },
];


/** Astro's reference('news') as it behaves at build time: a story's id becomes { id, collection }. */
const referenceStandIn = z
  .union([z.string(), z.object({ id: z.string(), collection: z.literal('news') })], {
    error: '稿件引用应写成稿件的文件名（不带 .mdx）',
  })
  .transform((ref): StoryRef => (typeof ref === 'string' ? { id: ref, collection: 'news' } : ref)) as unknown as z.ZodType<StoryRef, string>;

interface Entry {
  collection: CollectionName;
  /** Path in the content folder: news/a.mdx */
  rel: string;
  id: string;
  source: YamlSource;
  /** The YAML as written. */
  raw: Record<string, unknown>;
  /** The schema's output, when the entry is valid. */
  data?: unknown;
  body?: { text: string; firstLine: number };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** 2023年9月14日 08:00, Beijing time, as editors write and read times. */
function shanghaiTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/**
 * Checks a content folder the way the build reads it and reports every problem at once: each file
 * against the same zod schemas the build uses, file names as URLs, duplicate ids, drafts whose scheduled
 * time has passed, the cinema catalogue, and in MDX bodies unknown or incomplete house components,
 * internal links to pages the build will not make and images missing from public/.
 * Pure: `now` is the clock a draft's publishAt is compared with.
 */
export function checkContent({ root, files, publicFiles, committed }: ContentFiles, now: Date): CheckResult {
  const problems: Problem[] = [];
  const show = (rel: string) => (root === '.' || root === '' ? rel : `${root}/${rel}`);
  const report = (rel: string, line: number | undefined, message: string, fix?: string, code?: string) =>
    problems.push({ file: show(rel), ...(line ? { line } : {}), ...(code ? { code } : {}), message, ...(fix ? { fix } : {}) });
  let checkedFiles = 0;

  /** Parses and validates one YAML source; reports its problems and returns the schema's output. */
  const validate = <T>(rel: string, source: YamlSource, raw: unknown, schema: z.ZodType<T> | undefined): T | undefined => {
    if (isPlainObject(raw) && 'slug' in raw) {
      report(rel, source.lineAt(['slug']), '不要写 slug：网址就是文件名', '删掉这一行；要改网址就改文件名');
    }
    if (!schema) return undefined;
    for (const { path, known } of unknownKeys(schema, raw)) {
      if (path.length === 1 && path[0] === 'slug') continue;
      const key = String(path[path.length - 1]);
      const suggestion = closest(key, known);
      report(
        rel,
        source.lineAt(path),
        `不认识的项 ${fieldName(path)}，它不会出现在网站上`,
        suggestion ? `是不是 ${suggestion}？改成 ${suggestion}` : `删掉它；这里可以写的有：${known.join('、')}`,
      );
    }
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const { message, fix } = describeIssue(issue);
      report(rel, source.lineAt(issue.path), message, fix);
    }
    return undefined;
  };

  const readYaml = (rel: string, text: string, firstLine = 1, rootLine = 1, timestamps = true): YamlSource | undefined => {
    const source = parseYamlSource(text, firstLine, rootLine, { timestamps });
    for (const error of source.errors) report(rel, error.line, `格式错误：${error.message}`, error.fix);
    for (const problem of writtenTimeProblems(source)) report(rel, problem.line, problem.message, problem.fix);
    return source.errors.length === 0 ? source : undefined;
  };

  /** A controlled list; `fallback` when the file is absent (a folder without honors needs no honor names). */
  const readList = <T>(rel: string, schema: z.ZodType<T>, label: string, fallback?: T): T | undefined => {
    const text = files.get(rel);
    if (text === undefined) {
      if (fallback === undefined) report(rel, undefined, `缺少${label}`, `照 content/${rel} 建一个`);
      return fallback;
    }
    checkedFiles += 1;
    const source = readYaml(rel, text);
    return source && validate(rel, source, source.data ?? {}, schema);
  };

  const vocabulary = readList<Vocabulary>('vocabulary.yaml', vocabularySchema, '受控词表（地区、栏目、标签）');
  const honorNames = readList<HonorNames>('honor-names.yaml', honorNamesSchema, '荣誉名称表', { honors: [] });
  const districts = readList<StationDistricts>('station-districts.yaml', stationDistrictsSchema, '驿站所在区列表', {
    districts: [],
  });

  // Which files each collection's loader reads; anything else in its folder is silently ignored by the build.
  const candidates: { spec: CollectionSpec; rel: string; id: string; text: string }[] = [];
  for (const rel of [...files.keys()].sort()) {
    const [top, ...rest] = rel.split('/');
    const spec = COLLECTIONS.find((collection) => collection.dir === top);
    if (!spec || rest.length === 0) continue;
    const inner = rest.join('/');
    const name = rest[rest.length - 1]!;
    if (name === 'README.md') continue;
    if (!spec.recursive && rest.length > 1) {
      report(rel, undefined, '子文件夹里的文件不会被读取', `移到 ${show(spec.dir)}/ 下`);
      continue;
    }
    if (!spec.pattern.test(name)) {
      report(rel, undefined, `这个文件不会被读取：${spec.dir}/ 里只读 ${spec.extension} 文件`, `改名为 ${name.replace(/\.[^.]*$/, '')}${spec.extension}`);
      continue;
    }
    candidates.push({ spec, rel, id: inner.replace(/\.[^.]+$/, ''), text: files.get(rel)! });
  }

  const storyIds = candidates.filter((candidate) => candidate.spec.name === 'news').map((candidate) => candidate.id);
  const storyRef = storyRefSchema(referenceStandIn, storyIds);
  const schemas: Record<CollectionName, z.ZodType | undefined> = {
    news: vocabulary && newsSchema(vocabulary),
    honors: vocabulary && honorNames && honoreeSchema({ vocabulary, honorNames, storyRef }),
    honorTotals: vocabulary && honorNames && honorTotalSchema({ vocabulary, honorNames, storyRef }),
    programs: vocabulary && programSchema({ vocabulary, storyRef }),
    stations: districts && stationSchema(districts),
    halls: hallSchema,
    screenings: screeningSchema(candidates.filter((candidate) => candidate.spec.name === 'halls').map((candidate) => candidate.id)),
  };

  const entries: Entry[] = [];
  for (const { spec, rel, id, text } of candidates) {
    checkedFiles += 1;
    let source: YamlSource | undefined;
    let body: Entry['body'];
    if (spec.mdx) {
      const parts = splitFrontmatter(text);
      if (!parts) {
        report(rel, 1, '缺少 frontmatter：文件开头要有两行 ---，中间写稿件信息', '用 npm run new 新建文件，或者照其他文件补上');
        continue;
      }
      source = readYaml(rel, parts.yaml, parts.yamlFirstLine, 1);
      body = { text: parts.body, firstLine: parts.bodyFirstLine };
    } else {
      source = readYaml(rel, text, 1, 1, !spec.plainYaml);
    }
    if (!source) continue;
    const raw = isPlainObject(source.data) ? source.data : {};
    if (!isPlainObject(source.data) && source.data != null) {
      report(rel, 1, '内容应是若干“名称: 值”', '照同一文件夹里的其他文件写');
      continue;
    }
    const data = validate(rel, source, raw, schemas[spec.name]);
    entries.push({ collection: spec.name, rel, id, source, raw, ...(data !== undefined ? { data } : {}), ...(body ? { body } : {}) });
    checkFileName(spec, rel, id);
  }

  function checkFileName(spec: CollectionSpec, rel: string, id: string) {
    const segments = id.split('/');
    if (!segments.every((segment) => SLUG.test(segment))) {
      const suggestion = segments.map((segment) => pinyinSlug(segment, { person: spec.name === 'honors', maxSyllables: 12 })).join('/');
      report(
        rel,
        undefined,
        `文件名“${id}”不能做网址：只能用小写字母、数字和连字符`,
        suggestion.split('/').every((segment) => SLUG.test(segment)) ? `改名为 ${suggestion}${spec.extension}` : '改成拼音，如 huigong-yingyuan',
      );
    } else if (spec.name === 'news' && segments.some((segment) => /^\d+$/.test(segment))) {
      report(rel, undefined, `文件名“${id}”是纯数字，会和新闻列表的分页（/news/2/）冲突`, '在数字前后加上拼音，如 gonghui-2');
    } else if (spec.name === 'honors' && RESERVED_HONOREE_IDS.includes(id)) {
      report(rel, undefined, `文件名“${id}”是光荣榜筛选页的目录名`, '换一个文件名，如加上姓名拼音');
    }
  }

  // The same id twice (a.md and a.mdx, a.yaml and a.yml): the build keeps only one of them.
  const byId = Map.groupBy(entries, (entry) => `${entry.collection}:${entry.id}`);
  for (const same of byId.values()) {
    for (const duplicate of same.slice(1)) {
      report(duplicate.rel, undefined, `和 ${show(same[0]!.rel)} 的文件名相同（不算扩展名），构建时只会留下其中一个`, '删掉多余的一个，或者给其中一个改名');
    }
  }

  const valid = <T>(collection: CollectionName) =>
    entries.filter((entry) => entry.collection === collection && entry.data !== undefined).map((entry) => ({ id: entry.id, data: entry.data as T }));
  const stories = valid<Story['data']>('news');
  const storiesById = new Map(stories.map((story) => [story.id, story]));

  // A draft whose time has come never goes out by itself: someone meant to publish it, or forgot to move it.
  // Read from the YAML as written, so it is reported even when other fields of the story are wrong.
  for (const entry of entries) {
    if (entry.collection !== 'news' || entry.raw.draft !== true) continue;
    const publishAt = asDate(entry.raw.publishAt);
    if (publishAt && publishAt.getTime() <= now.getTime()) {
      report(
        entry.rel,
        entry.source.lineAt(['publishAt']),
        `这是草稿，但定时发布时间 ${shanghaiTime(publishAt)} 已经过了，它不会自己发布`,
        '要发布就删掉 draft: true（或改成 draft: false）；暂不发布就把 publishAt 改到将来，或者删掉它',
      );
    }
  }

  // A story dated after today would publish showing a day that has not come, unless publishAt holds it till then.
  // A date already reported as impossible (2026-13-01, read as 2027-01-01) is not reported again.
  for (const entry of entries) {
    if (entry.collection !== 'news' || entry.data === undefined) continue;
    const line = entry.source.lineAt(['date']);
    if (problems.some((problem) => problem.file === show(entry.rel) && problem.line === line)) continue;
    const problem = futureDateProblem(entry.data as Story['data'], now);
    if (problem) report(entry.rel, line, problem.message, problem.fix, problem.code);
  }

  // The cinema catalogue: release times before closing, ids used once, one screening at a time in a hall.
  const halls = Object.fromEntries(valid<Hall>('halls').map(({ id, data }) => [id, data]));
  const screeningEntries = entries.filter((entry) => entry.collection === 'screenings' && entry.data !== undefined);
  const screenings = Object.fromEntries(screeningEntries.map((entry) => [show(entry.rel), entry.data as ScreeningSource]));
  for (const problem of buildCatalogue(halls, screenings).problems) {
    const entry = screeningEntries.find((candidate) => show(candidate.rel) === problem.file)!;
    report(entry.rel, entry.source.lineAt([problem.field]), problem.message, problem.fix);
  }

  // A released screening's id names its Durable Object and its tickets: if it has gone from the working
  // tree (renamed, or the file deleted), its holders lose their tickets and its seats are released again.
  // This helps before a commit; the deploy compares with the live site (scripts/deploy/released-screenings-guard.ts).
  const presentIds = new Set(entries.filter((entry) => entry.collection === 'screenings').map((entry) => String(entry.raw.id ?? entry.id)));
  for (const [rel, text] of committed ?? []) {
    const released = releasedScreeningId(rel, text, now);
    if (!released || presentIds.has(released)) continue;
    report(
      rel,
      undefined,
      `已经放票的场次“${released}”不见了（改了 id、改名时丢了 id，或者删了文件）：领到票的人会找不到电子票，座位会被重新放出`,
      `要改时间或文件名，就只改 startsAt 或文件名，保留 id: ${released}；这一场不放映了，先请影院运营人员通知领票人、处理已领的票，再删文件。提交了也没用：部署会和线上的场次核对，照样拒绝`,
    );
  }

  // MDX bodies: components, links and images, checked against the pages this content makes.
  // Every file on disk counts as existing, even one with errors of its own, so a link to it is not reported twice.
  const idsOf = (collection: CollectionName) => new Set(candidates.filter((candidate) => candidate.spec.name === collection).map((candidate) => candidate.id));
  const existing = { news: idsOf('news'), honors: idsOf('honors'), programs: idsOf('programs') };
  const drafts = new Set(entries.filter((entry) => entry.collection === 'news' && entry.raw.draft === true).map((entry) => entry.id));
  const paths = vocabulary
    ? sitePaths({
        stories,
        honorees: valid<Honoree['data']>('honors'),
        programIds: [...existing.programs],
        stations: valid<Station['data']>('stations'),
        vocabulary,
        honorNames: honorNames ?? { honors: [] },
        districts: districts ?? { districts: [] },
      })
    : undefined;
  if (paths) {
    const validHonorees = new Set(valid('honors').map((honoree) => honoree.id));
    for (const id of existing.news) if (!drafts.has(id)) paths.add(`/news/${id}/`);
    for (const id of existing.honors) if (!validHonorees.has(id)) paths.add(`/honors/${id}/`);
  }

  for (const entry of entries) {
    if (entry.body) checkBody(entry, entry.body);
  }

  function checkBody(entry: Entry, body: { text: string; firstLine: number }) {
    const { rel } = entry;
    const scan = scanMdx(body.text, body.firstLine);
    for (const problem of scan.problems) report(rel, problem.line, problem.message, problem.fix);
    const imported = importedNames(body.text);
    const allowed = [...Object.keys(HOUSE_COMPONENTS), ...(entry.collection === 'programs' ? PROGRAM_PAGE_COMPONENTS : []), ...imported];
    const sourceIsDraft = entry.raw.draft === true;

    for (const tag of scan.tags) {
      if (tag.closing) continue;
      if (!/^[A-Z]/.test(tag.name)) {
        if (tag.name.toLowerCase() === 'script') report(rel, tag.line, '正文里不能写 <script>', '删掉它；需要互动功能请找开发同事');
        if (tag.attributes.some((attribute) => attribute.name === 'style')) {
          report(rel, tag.line, `<${tag.name}> 用了 style 属性，网站的安全策略会拦下它`, '删掉 style；需要新的版式请找开发同事加组件');
        }
        continue;
      }
      if (!allowed.includes(tag.name)) {
        const suggestion = closest(tag.name, allowed);
        report(
          rel,
          tag.line,
          `<${tag.name}> 不是本站的组件`,
          suggestion ? `是不是 <${suggestion}>？` : `可用的组件有：${allowed.join('、')}（见 docs/编辑指南.md）`,
        );
        continue;
      }
      const spec = HOUSE_COMPONENTS[tag.name];
      if (!spec || imported.includes(tag.name)) continue;
      const attribute = (name: string) => tag.attributes.find((candidate) => candidate.name === name);
      const missing = spec.required.filter((name) => !attribute(name) || attribute(name)!.value === '');
      if (missing.length > 0) report(rel, tag.line, `<${tag.name}> 缺少 ${missing.join('、')}`, `写成 ${spec.example}`);
      if (tag.name === 'Figure' && attribute('src') && !attribute('alt')?.value) {
        report(rel, tag.line, '<Figure> 有图片（src）但没有 alt', '加上 alt="图片里是什么"，给读屏软件用');
      }
      const id = attribute('id')?.value;
      if (spec.idLinksTo && id) {
        const target = LINKED_COLLECTIONS[spec.idLinksTo];
        if (!existing[spec.idLinksTo].has(id)) {
          const suggestion = closest(id, [...existing[spec.idLinksTo]]);
          report(
            rel,
            tag.line,
            `<${tag.name} id="${id}">：${target.label}里没有“${id}”`,
            `id 写 ${target.dir} 里的文件名（不带 ${target.ext}）${suggestion ? `，是不是 ${suggestion}？` : ''}`,
          );
        } else if (spec.idLinksTo === 'news' && drafts.has(id) && !sourceIsDraft) {
          report(rel, tag.line, `<${tag.name} id="${id}">：那篇稿件还是草稿，正式网站上不会显示这张卡片`, '先发布那篇稿件（删掉 draft: true），或者删掉这张卡片');
        }
      }
    }

    if (entry.collection === 'news' && typeof entry.raw.readingHint === 'string') {
      const inline = scan.tags.find((tag) => tag.name === 'ReadingHint' && !tag.closing);
      if (inline) report(rel, inline.line, '阅读提示写了两次：frontmatter 里有 readingHint，正文里又有 <ReadingHint>', '只留一处');
    }

    // A pull quote repeats the story's own words (screen readers skip it), so it must be found in the text.
    const elements = scan.elements.filter((element) => element.tag.name === 'PullQuote' && !imported.includes('PullQuote'));
    for (const element of elements) {
      const quote = plainText(element.inner);
      const rest = plainText(body.text.slice(0, element.tag.start) + body.text.slice(element.tag.end + element.inner.length));
      if (quote && !rest.includes(quote)) {
        report(rel, element.tag.line, '<PullQuote> 里的话在正文里找不到', '引语只摘正文里已有的原话，一字不改');
      }
    }

    if (paths) for (const link of scan.links) checkLink(entry, link, sourceIsDraft, paths);
  }

  function checkLink(entry: Entry, link: MdxLink, sourceIsDraft: boolean, paths: Set<string>) {
    const { rel } = entry;
    const url = link.url.trim();
    if (!url || url.startsWith('#') || /^(mailto|tel):/i.test(url)) return;
    if (/^(https?:)?\/\//i.test(url)) {
      if (link.image) report(rel, link.line, `图片 ${url} 在别的网站上，本站的安全策略不显示外站图片`, '把图片存到 public/images/ 下，地址写成 /images/文件名');
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return;
    if (!url.startsWith('/')) {
      report(rel, link.line, `地址 ${url} 不是以 / 开头，在网站上会指错地方`, '写成以 / 开头的站内地址，如 /news/文件名/');
      return;
    }
    let pathname = url.split(/[?#]/)[0]!;
    try {
      pathname = decodeURI(pathname);
    } catch {
      // keep it as written
    }
    if (link.image) {
      if (!publicFiles.has(pathname)) report(rel, link.line, `图片 ${pathname} 不存在`, `把图片放到 public${pathname}，或者改正地址`);
      if (link.alt === '') report(rel, link.line, `图片 ${pathname} 没有说明文字`, '在 ![ ] 的方括号里写图片内容，给读屏软件用');
      return;
    }
    if (publicFiles.has(pathname)) return;
    const story = /^\/news\/(.+)\/$/.exec(pathname)?.[1];
    if (paths.has(pathname)) {
      const target = story ? storiesById.get(story) : undefined;
      const own = storiesById.get(entry.id);
      const ownTime = Math.max(now.getTime(), own?.data.publishAt?.getTime() ?? 0);
      if (target?.data.publishAt && !sourceIsDraft && target.data.publishAt.getTime() > ownTime) {
        report(
          rel,
          link.line,
          `链接的稿件定时在 ${shanghaiTime(target.data.publishAt)} 发布，本稿先上线，那之前这个链接打不开`,
          '把本稿的 publishAt 设到不早于那个时间，或者等那篇发布后再加链接',
        );
      }
      return;
    }
    if (story && drafts.has(story)) {
      if (!sourceIsDraft) report(rel, link.line, `链接的稿件 ${story} 还是草稿，正式网站上没有这一页`, '先发布那篇稿件（删掉 draft: true），或者删掉这个链接');
      return;
    }
    if (!pathname.endsWith('/') && paths.has(`${pathname}/`)) {
      report(rel, link.line, `站内链接 ${url} 末尾少了 /`, `写成 ${pathname}/`);
      return;
    }
    const section = pathname.split('/')[1];
    const suggestion = closest(pathname, [...paths].filter((path) => path.split('/')[1] === section));
    report(rel, link.line, `站内链接 ${url} 打不开：网站上没有这一页`, suggestion ? `是不是 ${suggestion}？` : linkHint(section));
  }

  return { problems: sortProblems(problems), checkedFiles };
}

/**
 * The id of a committed screening file whose seats have been released by `now`, else undefined. A file
 * committed before screenings carried an id is named by its file name, as the catalogue named it then.
 */
function releasedScreeningId(rel: string, text: string, now: Date): string | undefined {
  const match = /^screenings\/([^/]+)\.ya?ml$/.exec(rel);
  const data = match ? parseYamlSource(text, 1, 1, { timestamps: false }).data : undefined;
  if (!isPlainObject(data) || typeof data.startsAt !== 'string') return undefined;
  const startsAt = readInstant(data.startsAt);
  const releaseAt = typeof data.releaseAt === 'string' ? readInstant(data.releaseAt) : undefined;
  if (!startsAt.ok || (releaseAt && !releaseAt.ok)) return undefined;
  const released = releaseAt?.ok ? releaseAt.date : releaseTime(startsAt.date);
  if (released.getTime() > now.getTime()) return undefined;
  return typeof data.id === 'string' ? data.id : match![1];
}

function asDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function linkHint(section: string | undefined): string {
  switch (section) {
    case 'news':
      return '稿件的地址是 /news/文件名/';
    case 'regions':
    case 'columns':
    case 'tags':
      return '地区、栏目、标签的地址用 content/vocabulary.yaml 里的 slug，而且要有已发布的稿件用到它才有这一页';
    case 'honors':
      return '光荣榜的地址是 /honors/文件名/，所引的稿件发布后才有这一页';
    case 'programs':
      return '服务项目的地址是 /programs/文件名/';
    default:
      return '检查地址的拼写';
  }
}

/** Names an MDX file imports itself (`import X from …`, `import { Y } from …`): not house components. */
function importedNames(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(/^import\s+(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s/gm)) {
    if (match[1]) names.push(match[1]);
    for (const part of (match[2] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.push(name);
    }
  }
  return names;
}
