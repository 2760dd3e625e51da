/**
 * npm run new -- <news|honor|program|screening> "标题或姓名" [--slug 网址名] [--story 稿件文件名] [--at "2026-12-04 18:30"]
 *
 * Writes a new content file that passes `npm run check`: today's date (Beijing time), a pinyin URL slug,
 * in the style the browser editor writes (so its first save there changes nothing); a story starts as a draft. Never overwrites a file. Writes into
 * HUIGONG_CONTENT_DIR or content/. Prints the file and where to preview it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { registerTsExtensions } from './ts-extensions.ts';

registerTsExtensions();
const templates = await import('./content-templates.ts');
const { vocabularySchema } = await import('../src/schemas/vocabulary-schema.ts');
const { honorNamesSchema } = await import('../src/schemas/honor-schema.ts');
const { RESERVED_HONOREE_IDS } = await import('../src/honors/check-honorees.ts');
const { splitFrontmatter } = await import('../src/content-check/frontmatter.ts');

const USAGE = `用法：npm run new -- <news|honor|program|screening> "标题或姓名" [--slug 网址名] [--story 稿件文件名] [--at "2026-12-04 18:30"]
  news       新稿件（草稿），写到 content/news/
  honor      光荣榜条目，写到 content/honors/
  program    服务项目，写到 content/programs/
  screening  影院场次，写到 content/screenings/（默认下周三 18:30）`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { slug: { type: 'string' }, story: { type: 'string' }, at: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [kind, ...words] = positionals;
const title = words.join(' ').trim();
if (!kind || !(templates.CONTENT_KINDS as readonly string[]).includes(kind)) fail(`${kind ? `不认识“${kind}”。` : ''}${USAGE}`);
if (!title) fail(`请写上${kind === 'honor' ? '姓名或集体名称' : kind === 'screening' ? '片名' : '标题'}。\n${USAGE}`);

const contentDir = path.resolve(process.env.HUIGONG_CONTENT_DIR ?? 'content');
const shown = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');
const readYaml = (file: string): unknown => (existsSync(file) ? parse(readFileSync(file, 'utf8')) : undefined);

const vocabularyResult = vocabularySchema.safeParse(readYaml(path.join(contentDir, 'vocabulary.yaml')));
if (!vocabularyResult.success) fail(`读不了受控词表 ${shown(path.join(contentDir, 'vocabulary.yaml'))}：先运行 npm run check 看看哪里有问题。`);
const vocabulary = vocabularyResult.data;
const honorNames = honorNamesSchema.safeParse(readYaml(path.join(contentDir, 'honor-names.yaml')) ?? { honors: [] });

/** Stories on disk with their date and draft flag, newest first. */
function storiesOnDisk(): { id: string; date: number; draft: boolean }[] {
  const dir = path.join(contentDir, 'news');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => {
      const parts = splitFrontmatter(readFileSync(path.join(dir, file), 'utf8'));
      let data: Record<string, unknown> = {};
      try {
        data = (parts && (parse(parts.yaml) as Record<string, unknown>)) ?? {};
      } catch {
        // a broken file sorts last; npm run check reports it
      }
      return { id: file.split(path.sep).join('/').replace(/\.mdx?$/, ''), date: Date.parse(String(data.date)) || 0, draft: data.draft === true };
    })
    .sort((a, b) => b.date - a.date || a.id.localeCompare(b.id));
}

/** --story, else the newest draft (what the editor is likely working on), else the newest story. */
function sourceStory(): { id: string; guessed: boolean } {
  const stories = storiesOnDisk();
  if (values.story) {
    if (!stories.some((story) => story.id === values.story)) fail(`找不到稿件“${values.story}”：--story 写 content/news/ 里的文件名（不带 .mdx）。`);
    return { id: values.story, guessed: false };
  }
  const story = stories.find((candidate) => candidate.draft) ?? stories[0];
  if (!story) fail('content/news/ 里还没有稿件：先用 npm run new -- news "标题" 写一篇报道，再建条目。');
  return { id: story.id, guessed: true };
}

function slugFor(text: string, person = false): string {
  if (values.slug !== undefined) {
    if (!templates.SLUG.test(values.slug)) fail(`--slug “${values.slug}”不能做网址：只能用小写字母、数字和连字符，如 huigong-yingyuan。`);
    return values.slug;
  }
  const slug = templates.pinyinSlug(text, { person });
  if (!slug) fail(`没法从“${text}”取出网址名，请用 --slug 指定，如 --slug gonghui-yizhan。`);
  return slug;
}

/** Writes `text` to a new file; refuses if it (or the same name with another extension) exists. */
function create(dir: string, name: string, extensions: string[], text: string, hint = '要另建一篇，请用 --slug 换一个网址名。'): string {
  const file = path.join(contentDir, dir, `${name}${extensions[0]}`);
  const taken = extensions.map((ext) => path.join(contentDir, dir, `${name}${ext}`)).find((candidate) => existsSync(candidate));
  if (taken) fail(`已有文件 ${shown(taken)}，没有覆盖它。${hint}`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  return file;
}

const today = templates.shanghaiDay(new Date());
const preview = (urlPath: string) => `预览：运行 npm run dev，打开 http://localhost:4321${urlPath}`;
const notes: string[] = [];
let file: string;
let urlPath: string;

switch (kind as (typeof templates.CONTENT_KINDS)[number]) {
  case 'news': {
    const slug = slugFor(title);
    if (/^\d+$/.test(slug)) fail(`网址名“${slug}”是纯数字，会和新闻列表的分页冲突：请用 --slug 换一个。`);
    file = create('news', slug, ['.mdx', '.md'], templates.newsTemplate({ title, today, vocabulary }));
    urlPath = `/news/${slug}/`;
    notes.push('这是草稿（draft: true）：只在 npm run dev 里看得到。写好、检查通过后改成 draft: false，下一次构建就会发布。');
    break;
  }
  case 'honor': {
    if (!honorNames.success || honorNames.data.honors.length === 0) fail('荣誉名称表 content/honor-names.yaml 是空的或有错：先运行 npm run check。');
    const slug = slugFor(title, true);
    if (RESERVED_HONOREE_IDS.includes(slug)) fail(`“${slug}”是光荣榜筛选页的目录名，请用 --slug 换一个。`);
    const story = sourceStory();
    file = create('honors', slug, ['.yaml', '.yml'], templates.honorTemplate({ name: title, vocabulary, honorNames: honorNames.data, story: story.id }));
    urlPath = `/honors/${slug}/`;
    if (story.guessed) notes.push(`stories 先填了稿件 ${story.id}：请改成报道此人的稿件（或新建时加 --story 稿件文件名）。`);
    notes.push('照原文改好 asPrinted、荣誉和地区；所引稿件发布后，条目才出现在正式网站的光荣榜上。');
    break;
  }
  case 'program': {
    const slug = slugFor(title);
    const story = sourceStory();
    file = create('programs', slug, ['.mdx'], templates.programTemplate({ title, vocabulary, story: story.id }));
    urlPath = `/programs/${slug}/`;
    if (story.guessed) notes.push(`stories 先填了稿件 ${story.id}：请改成介绍这个项目的稿件（或新建时加 --story 稿件文件名）。`);
    notes.push('服务项目没有草稿状态：合并、部署前写好简介和介绍。');
    break;
  }
  case 'screening': {
    const hallsDir = path.join(contentDir, 'halls');
    const halls = existsSync(hallsDir)
      ? readdirSync(hallsDir)
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => name.replace(/\.ya?ml$/, ''))
          .sort()
      : [];
    if (halls.length === 0) fail('content/halls/ 里还没有影厅：先建一个影厅文件。');
    const screeningsDir = path.join(contentDir, 'screenings');
    const taken = new Set(existsSync(screeningsDir) ? readdirSync(screeningsDir).map((name) => name.replace(/\.ya?ml$/, '')) : []);
    const startsAt = values.at ? templates.parseBeijingTime(values.at) : templates.nextWednesdayEvening(new Date(), taken);
    if (!startsAt) fail(`--at “${values.at}”应写成北京时间，如 "2026-12-04 18:30"。`);
    // Ids no longer follow the start, so a file name alone does not show the time is taken: read the files.
    const sameStart = [...taken].find((name) => {
      const data = readYaml(path.join(screeningsDir, `${name}.yaml`)) as { hall?: unknown; startsAt?: unknown } | undefined;
      return data?.hall === halls[0] && typeof data.startsAt === 'string' && Date.parse(data.startsAt) === Date.parse(startsAt);
    });
    if (sameStart) fail(`${shown(path.join(screeningsDir, `${sameStart}.yaml`))} 已经在这个时间用这个影厅，没有新建。这个时间已有场次：用 --at "2026-12-04 18:30" 换一个时间。`);
    const id = values.slug ?? templates.screeningId(startsAt, halls[0]!);
    if (!templates.SLUG.test(id)) fail(`--slug “${id}”不能做场次编号：只能用小写字母、数字和连字符。`);
    const template = templates.screeningTemplate({ id, title, hall: halls[0]!, startsAt });
    file = create('screenings', id, ['.yaml', '.yml'], template, '这个时间已有场次：用 --at "2026-12-04 18:30" 换一个时间。');
    urlPath = '/cinema/';
    notes.push(`开场时间先定在 ${startsAt.slice(0, 16).replace('T', ' ')}（北京时间），片长先写了 120 分钟：请按实际改。`);
    notes.push(`放票时间按规则是 ${templates.releaseByRule(startsAt)}（开场前至少 24 小时的最近一个周一或周四中午）；要改就加一行 releaseAt。`);
    notes.push('场次保存后下一次构建就上线；npm run dev 里要先运行 node scripts/build-catalogue.ts 才看得到新场次。');
    break;
  }
}

console.log(`已新建 ${shown(file!)}`);
console.log(`网址：${urlPath!}`);
console.log(preview(urlPath!));
for (const note of notes) console.log(note);
console.log('各项怎么填见 docs/编辑指南.md；也可以运行 npm run dev，在浏览器编辑器 http://localhost:4321/keystatic 里打开它来写。');
console.log('写好后运行 npm run check 检查。');
