/**
 * Synthetic news stories for the build bench: ~1,500 Chinese characters each from a fixed corpus (the
 * sentences of the real stories, drawn with a seeded PRNG, their numbers redrawn), realistic frontmatter from content/vocabulary.yaml, and two or three house components each.
 *
 * The project has no house MDX components yet, so the stories import three bench-only stand-ins from
 * bench/components/ by absolute path; the baseline site builds the very same files. (Astro 7 takes a
 * component whose path shares no folder with the project root for a root-relative one and fails to
 * find its styles, so bench:build writes everything under the repo's git-ignored tmp/ folder.)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../lib/env.ts';
import { between, pick, prng, sample } from '../lib/prng.ts';
import { sentencesOf } from './corpus.ts';

export const COMPONENTS_DIR = path.join(ROOT, 'bench', 'components');

interface Vocabulary {
  regions: { name: string }[];
  columns: { name: string }[];
  tags: { name: string }[];
}

/**
 * Every sentence of the corpus, without duplicates: the prose of the real stories in content/news,
 * which are the seed newspaper page's stories as transcribed (the raw seed page, set in narrow columns
 * with headlines, bylines and captions run together, splits into sentences less cleanly).
 */
export function corpusSentences(): string[] {
  const newsDir = path.join(ROOT, 'content', 'news');
  return sentencesOf(
    readdirSync(newsDir)
      .filter((name) => /\.mdx?$/.test(name))
      .sort()
      .map((name) => readFileSync(path.join(newsDir, name), 'utf8')),
  );
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = '明清娜嫱哲伟芳敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英华慧建国志红兵'.split('');
const PLACES = ['成都', '昆明', '武汉', '济南', '深圳', '长春', '石家庄', '重庆', '青岛', '宜昌', '绵阳', '唐山'];

function personName(random: () => number): string {
  return pick(random, SURNAMES) + Array.from({ length: between(random, 1, 2) }, () => pick(random, GIVEN)).join('');
}

/** Numbers in a borrowed sentence are redrawn, so stories differ the way real ones do. */
function varyDigits(random: () => number, sentence: string): string {
  return sentence.replace(/\d+/g, (digits) => String(between(random, 1, 10 ** Math.min(digits.length, 4) - 1)));
}

const quote = (text: string) => JSON.stringify(text);

function clause(random: () => number, sentences: string[], min: number, max: number): string {
  for (let i = 0; i < 20; i++) {
    const first = pick(random, sentences).split(/[，；：、。！？“”]/).find((part) => part.length >= min && part.length <= max);
    if (first) return first;
  }
  return pick(random, sentences).slice(0, max).replace(/[，；：、。！？“”]/g, '');
}

export interface GeneratedStory {
  id: string;
  file: string;
  chars: number;
}

/**
 * Writes `count` stories into `newsDir` as bench-00001.mdx … (or .md without components when
 * `plainMarkdown`). With `componentShare` below 1, only that share of the .mdx stories use components
 * (drawn by a PRNG of their own) and the rest are prose alone, as most news is. Deterministic for a given
 * count, seed and share.
 */
export function writeStories(newsDir: string, count: number, { seed = 7, plainMarkdown = false, componentShare = 1 } = {}): GeneratedStory[] {
  const vocabulary = parse(readFileSync(path.join(ROOT, 'content', 'vocabulary.yaml'), 'utf8')) as Vocabulary;
  const sentences = corpusSentences();
  const random = prng(seed);
  const componentRandom = prng(seed + 1);
  mkdirSync(newsDir, { recursive: true });
  const stories: GeneratedStory[] = [];
  const start = Date.UTC(2021, 0, 1);
  const days = 3 * 365;
  for (let i = 1; i <= count; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const date = new Date(start + between(random, 0, days - 1) * 86_400_000).toISOString().slice(0, 10);
    const kindRoll = random();
    const kind = kindRoll < 0.05 ? 'photo' : kindRoll < 0.25 ? 'brief' : 'story';
    const fm: string[] = ['---'];
    if (random() < 0.4) fm.push(`kicker: ${quote(`${pick(random, PLACES)}${clause(random, sentences, 10, 30)}——`)}`);
    fm.push(`title: ${quote(`${clause(random, sentences, 8, 22)}（${i}）`)}`);
    if (random() < 0.2) fm.push(`subtitle: ${quote(clause(random, sentences, 10, 26))}`);
    fm.push(`kind: ${kind}`);
    fm.push('byline:');
    fm.push('  - role: 本报记者');
    fm.push(`    names: [${Array.from({ length: between(random, 1, 3) }, () => personName(random)).join(', ')}]`);
    if (random() < 0.3) {
      fm.push('  - role: 本报通讯员');
      fm.push(`    names: [${personName(random)}]`);
    }
    if (kind === 'brief' || random() < 0.2) fm.push('dateline: 本报讯');
    fm.push(`date: ${date}`);
    fm.push(`regions: [${sample(random, vocabulary.regions, between(random, 1, 2)).map((r) => r.name).join(', ')}]`);
    fm.push(`column: ${pick(random, vocabulary.columns).name}`);
    fm.push(`tags: [${sample(random, vocabulary.tags, between(random, 1, 4)).map((t) => t.name).join(', ')}]`);
    if (random() < 0.5) fm.push(`readingHint: ${quote(varyDigits(random, pick(random, sentences)))}`);
    if (kind === 'photo') fm.push(`photoCredit: ${quote(`新华社记者 ${personName(random)} 摄`)}`);
    fm.push(`order: ${between(random, 1, 12)}`);
    fm.push('---', '');

    // The body: paragraphs of two to four sentences, two subheads, ~1,500 characters of prose.
    const paragraphs: string[] = [];
    let chars = 0;
    const target = between(random, 1_400, 1_600);
    while (chars < target) {
      const paragraph = Array.from({ length: between(random, 2, 4) }, () => varyDigits(random, pick(random, sentences))).join('');
      paragraphs.push(paragraph);
      chars += paragraph.length;
    }
    const body: string[] = [];
    const imports: string[] = [];
    const withComponents = !plainMarkdown && componentRandom() < componentShare;
    const components = withComponents ? sample(random, ['InfoBox', 'PhotoFigure', 'KeyFigures'] as const, between(random, 2, 3)) : [];
    for (const name of components) imports.push(`import ${name} from ${quote(path.join(COMPONENTS_DIR, `${name}.astro`))};`);
    const slots = new Map(components.map((name) => [between(random, 1, Math.max(1, paragraphs.length - 1)), name] as const));
    paragraphs.forEach((paragraph, index) => {
      if (index === Math.floor(paragraphs.length / 3) || index === Math.floor((2 * paragraphs.length) / 3)) {
        body.push(`## ${clause(random, sentences, 6, 16)}`, '');
      }
      body.push(paragraph, '');
      const component = slots.get(index);
      if (component === 'InfoBox') {
        body.push(`<InfoBox title="相关链接">`, '', varyDigits(random, pick(random, sentences)), '', '</InfoBox>', '');
      } else if (component === 'PhotoFigure') {
        body.push(
          `<PhotoFigure src="/favicon.svg" alt=${quote(clause(random, sentences, 6, 20))} caption=${quote(varyDigits(random, pick(random, sentences)))} credit=${quote(`新华社记者 ${personName(random)} 摄`)} />`,
          '',
        );
      } else if (component === 'KeyFigures') {
        const items = Array.from({ length: 3 }, () => ({
          value: String(between(random, 2, 9_999)),
          unit: pick(random, ['人', '个', '场次', '万人次', '家']),
          label: clause(random, sentences, 4, 12),
        }));
        body.push(`<KeyFigures items={${JSON.stringify(items)}} />`, '');
      }
    });
    const text = [...fm, ...(imports.length ? [...imports, ''] : []), ...body].join('\n');
    const file = path.join(newsDir, `${id}.${plainMarkdown ? 'md' : 'mdx'}`);
    writeFileSync(file, text);
    stories.push({ id, file, chars });
  }
  return stories;
}
