/**
 * A generated news archive for measuring search quality, with queries whose right answers are known
 * by construction: a page is a right answer to a query exactly when its searchable text (title,
 * kicker, body) holds the query's characters in a row. The stories are sentences of the real stories
 * (bench/build/stories.ts), their numbers redrawn, with names, places and words planted in known
 * stories: names no dictionary knows, rare places, two-character words (劳模, 体检) and words inside
 * longer words (影院 in 电影院 and 惠工影院). Every title is distinct, so each story has a query (its
 * title) that must find it.
 *
 * The pages carry the news page's searchable markup (src/pages/news/[id].astro with StoryHead, read by
 * src/search/page-document.ts): the article as data-search-body="news", the kicker a search heading,
 * the byline, date and term chips ignored. They are made directly rather than through `astro build`,
 * which at 3,000 stories takes a minute and 1.7 GiB and would measure the same markup.
 *
 * No I/O here (the Worker's tests run it in workerd): the corpus's sentences are passed in
 * (bench/build/corpus.ts), and bench/search/write-archive.ts writes the pages to files.
 */
import { between, pick, prng, sample } from '../lib/prng.ts';

export interface ArchiveStory {
  id: string;
  url: string;
  date: string;
  title: string;
  kicker?: string;
  paragraphs: string[];
}

export interface ArchiveQuery {
  query: string;
  kind: 'title' | 'name' | 'place' | 'two-character word' | 'inside a longer word' | 'phrase';
  /** URLs of the pages that hold the query: the right answers. */
  relevant: string[];
  /** For a title: the URL of its story, which must be in the first ten results. */
  story?: string;
}

export interface Archive {
  stories: ArchiveStory[];
  /** Undated pages (a program each), as on the site: results of another type. */
  programs: ArchiveStory[];
  queries: ArchiveQuery[];
}

// Compound surnames and rare given names: names that a word list does not hold.
const NAMES = ['欧阳婕雯', '司马志强', '上官晓岚', '诸葛立新', '东方婧', '慕容秀芬', '皇甫建军', '令狐明', '宇文嫱', '端木晓峰'];
const PLACES = ['攀枝花', '景德镇', '张家口', '牡丹江', '日喀则', '满洲里', '石河子', '克拉玛依', '六盘水', '瓦房店'];
const WORDS = ['劳模', '体检', '驿站', '抢票', '工匠'];
/** Planted inside longer words only: 影院 in 电影院 and 惠工影院, 模范 in 劳动模范. */
const INNER = [
  { query: '影院', carriers: ['电影院', '惠工影院', '露天影院'] },
  { query: '模范', carriers: ['劳动模范', '模范职工之家'] },
];

const quoteSafe = (text: string) => text.replace(/[<>&"]/g, '');

function clause(random: () => number, sentences: string[], min: number, max: number): string {
  for (let i = 0; i < 50; i++) {
    const part = pick(random, sentences).split(/[，；：、。！？“”（）]/).find((p) => p.length >= min && p.length <= max);
    if (part) return part;
  }
  return pick(random, sentences).slice(0, max).replace(/[，；：、。！？“”（）]/g, '');
}

const varyDigits = (random: () => number, sentence: string) =>
  sentence.replace(/\d+/g, (digits) => String(between(random, 1, 10 ** Math.min(digits.length, 4) - 1)));

/** Puts `text` into a random sentence boundary of a random paragraph. */
function plant(random: () => number, story: ArchiveStory, sentence: string): void {
  const i = between(random, 0, story.paragraphs.length - 1);
  story.paragraphs[i] = `${story.paragraphs[i]}${sentence}`;
}

/** The searchable texts of a page, each searched on its own (a match does not run from title into body). */
const pageTexts = (story: ArchiveStory) => [story.title, story.kicker ?? '', ...story.paragraphs];

/**
 * The URLs of the pages whose texts hold a query (two or more characters). Scanning every page for
 * every title is quadratic (~15 min at 30,000 stories): each character pair's pages are listed once,
 * and a query's candidates are the pages of its rarest pair, each then checked in full.
 */
function pagesHolding(pages: readonly ArchiveStory[]): (query: string) => string[] {
  const texts = pages.map(pageTexts);
  const pairs = new Map<string, number[]>();
  texts.forEach((ofPage, i) => {
    for (const text of ofPage) {
      for (let j = 0; j + 1 < text.length; j++) {
        const pair = text.slice(j, j + 2);
        const list = pairs.get(pair);
        if (!list) pairs.set(pair, [i]);
        else if (list.at(-1) !== i) list.push(i);
      }
    }
  });
  return (query) => {
    let candidates: readonly number[] = [];
    for (let j = 0; j + 1 < query.length; j++) {
      const list = pairs.get(query.slice(j, j + 2)) ?? [];
      if (j === 0 || list.length < candidates.length) candidates = list;
    }
    return candidates.filter((i) => texts[i]!.some((text) => text.includes(query))).map((i) => pages[i]!.url);
  };
}

/** `count` stories drawn from `corpus` (the real stories' sentences: bench/build/corpus.ts), seeded. */
export function generateArchive(count: number, corpus: readonly string[], { seed = 11 } = {}): Archive {
  const random = prng(seed);
  const sentences = corpus.map(quoteSafe);
  const start = Date.UTC(2021, 0, 1);
  const days = 6 * 365;
  const titles = new Set<string>();
  const stories: ArchiveStory[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `story-${String(i).padStart(5, '0')}`;
    let title = '';
    for (let tries = 0; !title || titles.has(title); tries++) {
      title = `${pick(random, PLACES.concat(['成都', '昆明', '武汉', '济南', '深圳', '青岛']))}${clause(random, sentences, 8, 18)}${tries > 3 ? clause(random, sentences, 4, 8) : ''}`;
    }
    titles.add(title);
    const paragraphs: string[] = [];
    let chars = 0;
    const target = between(random, 800, 1_600);
    while (chars < target) {
      const paragraph = Array.from({ length: between(random, 2, 4) }, () => varyDigits(random, pick(random, sentences))).join('');
      paragraphs.push(paragraph);
      chars += paragraph.length;
    }
    const date = new Date(start + between(random, 0, days - 1) * 86_400_000).toISOString().slice(0, 10);
    stories.push({ id, url: `/news/${id}/`, date, title, ...(random() < 0.4 ? { kicker: `${clause(random, sentences, 8, 20)}——` } : {}), paragraphs });
  }
  // Plant names, places, words and inner words in known numbers of stories (1 to 40 each).
  for (const name of NAMES) {
    for (const story of sample(random, stories, between(random, 1, Math.min(40, count)))) plant(random, story, `${name}说，${clause(random, sentences, 8, 16)}。`);
  }
  for (const place of PLACES) {
    for (const story of sample(random, stories, between(random, 1, Math.min(40, count)))) plant(random, story, `在${place}，${clause(random, sentences, 8, 16)}。`);
  }
  for (const word of WORDS) {
    for (const story of sample(random, stories, between(random, 1, Math.min(40, count)))) plant(random, story, `${clause(random, sentences, 4, 10)}${word}${clause(random, sentences, 4, 10)}。`);
  }
  for (const { carriers } of INNER) {
    for (const story of sample(random, stories, between(random, 5, Math.min(40, count)))) plant(random, story, `职工们来到${pick(random, carriers)}，${clause(random, sentences, 6, 12)}。`);
  }
  const programs: ArchiveStory[] = ['职工书屋', '困难职工帮扶', '法律援助'].map((title, i) => ({
    id: `program-${i + 1}`,
    url: `/programs/program-${i + 1}/`,
    date: '',
    title,
    paragraphs: [varyDigits(random, pick(random, sentences)), varyDigits(random, pick(random, sentences))],
  }));

  const pages = [...stories, ...programs];
  const relevant = pagesHolding(pages);
  const queries: ArchiveQuery[] = [
    ...NAMES.map((query) => ({ query, kind: 'name' as const, relevant: relevant(query) })),
    ...PLACES.map((query) => ({ query, kind: 'place' as const, relevant: relevant(query) })),
    ...WORDS.map((query) => ({ query, kind: 'two-character word' as const, relevant: relevant(query) })),
    ...INNER.map(({ query }) => ({ query, kind: 'inside a longer word' as const, relevant: relevant(query) })),
  ];
  // Exact phrases: spans of 6 to 12 characters cut from one clause (between punctuation) of a random story.
  for (let i = 0; i < 20; i++) {
    const clauses = pick(random, pick(random, stories).paragraphs).split(/[，。；：、！？“”‘’（）《》\s]/).filter((c) => c.length >= 6);
    if (clauses.length === 0) continue;
    const text = pick(random, clauses);
    const length = between(random, 6, Math.min(12, text.length));
    const from = between(random, 0, text.length - length);
    const query = text.slice(from, from + length);
    queries.push({ query, kind: 'phrase', relevant: relevant(query) });
  }
  for (const story of stories) queries.push({ query: story.title, kind: 'title', relevant: relevant(story.title), story: story.url });
  return { stories, programs, queries };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page with the searchable markup of the site's news page (or program page, for an undated one). */
export function pageHtml(page: ArchiveStory): string {
  const body = page.date
    ? `<article class="story" data-search-body="news"><header class="story-head">${
        page.kicker ? `<p class="kicker" data-search-heading>${escape(page.kicker)}</p>` : ''
      }<h1>${escape(page.title)}</h1><p class="meta" data-search-ignore><span class="byline">本报记者 王明</span><time datetime="${page.date}">${page.date}</time><span>工会新闻</span></p></header><div class="prose">${page.paragraphs
        .map((p, i) => (i === 2 ? `<h2>${escape(p.slice(0, 10))}</h2>` : '') + `<p>${escape(p)}</p>`)
        .join('')}</div><footer class="story-foot" data-search-ignore><a href="/tags/x/">标签</a></footer></article>`
    : `<div data-search-body="programs"><h1>${escape(page.title)}</h1>${page.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</div>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(page.title)} - 惠工</title></head><body><header><a href="/">惠工</a> <a href="/search/">搜索</a></header><main>${body}</main></body></html>`;
}
