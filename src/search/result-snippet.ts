/**
 * The text under a search result, taken from the page's body. Pagefind indexes a page's headings (title,
 * kicker, subtitle, search keywords) ahead of its body, and its own excerpt is a window of so many words
 * that can open mid-title or on the "。" ending the paragraph before, and joins blocks with ". ". So the
 * snippet is cut here from the page's indexed text: headings dropped, blocks joined as Chinese prose, and
 * the window opened at the start of the sentence holding the first match.
 */

const SNIPPET_LENGTH = 80;
/** How far back a snippet may open to start on a sentence. */
const LOOK_BACK = 40;
/** Pagefind ends a block with ". " unless the block already ends in punctuation, then a space. */
const BLOCK_END = /\. |(?<=[。！？；：—”…）])\s+/;
const SENTENCE_END = /[。！？；]/;
const ENDS_IN_PUNCTUATION = /[。！？；：—”…）.]$/;

const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

/**
 * The page's indexed text from the first block that is not a heading, as one run of prose.
 *
 * @example bodyText('湖北举办劳模工匠走进校园活动. 本报讯 9月8日，……', ['湖北举办劳模工匠走进校园活动']) // '本报讯 9月8日，……'
 */
export function bodyText(content: string, headings: readonly string[]): string {
  const known = headings.map(withoutSpaces).filter(Boolean);
  const blocks = content
    .split(BLOCK_END)
    .map((block) => block.trim())
    .filter(Boolean);
  while (blocks.length > 0 && known.some((heading) => heading.includes(withoutSpaces(blocks[0]!)))) blocks.shift();
  return blocks.map((block, i) => (i === blocks.length - 1 || ENDS_IN_PUNCTUATION.test(block) ? block : `${block}。`)).join('');
}

/** Up to SNIPPET_LENGTH characters of the body, opening on the sentence of the first term found. */
export function bodyWindow(body: string, terms: readonly string[]): string {
  const hits = terms.map((term) => body.indexOf(term)).filter((index) => index >= 0);
  const first = hits.length > 0 ? Math.min(...hits) : 0;
  let start = first;
  while (start > 0 && first - start < LOOK_BACK && !SENTENCE_END.test(body[start - 1]!)) start -= 1;
  const opensOnSentence = start === 0 || SENTENCE_END.test(body[start - 1]!);
  if (!opensOnSentence) start = Math.max(0, first - LOOK_BACK / 2);
  const end = Math.min(body.length, start + SNIPPET_LENGTH);
  return `${opensOnSentence ? '' : '…'}${body.slice(start, end)}${end < body.length ? '…' : ''}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What to mark in a summary, longest first: each piece of the query as typed and the words of two
 * characters or more in it (ICU's segmentation, as the browser's; it splits names such as 姚婕 apart).
 */
export function queryTerms(query: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const pieces = query.split(/\s+/).filter(Boolean);
  const words = pieces.flatMap((piece) =>
    [...segmenter.segment(piece)].filter((segment) => segment.isWordLike && segment.segment.length > 1).map((segment) => segment.segment),
  );
  return [...new Set([...pieces, ...words])].sort((a, b) => b.length - a.length);
}

/** Plain text as HTML with <mark> around each occurrence of the terms (a page's own summary). */
export function markTerms(text: string, terms: readonly string[]): string {
  if (terms.length === 0) return escapeHtml(text);
  const pattern = new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let html = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    html += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

export interface SnippetSource {
  /** The page's indexed text as Pagefind gives it (`content`). */
  content: string;
  /** What the page indexes ahead of its body: title, kicker, subtitle, keywords. */
  headings: readonly string[];
  /** The page's own summary (an honoree as printed, a program's summary): it reads better than a window. */
  summary?: string;
}

/** The snippet's HTML, escaped, with the query marked: the page's summary where it has one, else a window of its body. */
export function resultSnippet({ content, headings, summary }: SnippetSource, query: string): string {
  const terms = queryTerms(query);
  const text = summary?.trim() || bodyWindow(bodyText(content, headings), terms);
  return markTerms(text, terms);
}
