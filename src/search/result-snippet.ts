/**
 * The text under a search result, taken from the page's body. Pagefind's excerpt is a window of the
 * indexed text, which also holds what a page indexes ahead of its body (title, kicker, subtitle, search
 * keywords), joins blocks with ". " and may open on the "。" ending the paragraph before.
 */

/** How Pagefind joins the blocks of a page's text in an excerpt. */
const BLOCK_SEPARATOR = '. ';
const LEADING_PUNCTUATION = /^[\s。，、；：！？”’）》」』.,;:!?)]+/;
const CJK = '\\u3400-\\u9fff';

const plain = (html: string) => html.replace(/<\/?mark>/g, '').replace(/\s+/g, '');

/**
 * Pagefind's excerpt (escaped text with <mark> around matches) without the page's headings in front, no
 * leading punctuation, and Chinese punctuation between blocks. Empty when nothing of the body is left.
 *
 * @example cleanExcerpt('举办<mark>劳模</mark>工匠走进校园活动. 9月8日，…', ['湖北举办劳模工匠走进校园活动']) // '9月8日，…'
 */
export function cleanExcerpt(excerpt: string, headings: readonly string[]): string {
  const known = headings.map((heading) => heading.replace(/\s+/g, '')).filter(Boolean);
  const blocks = excerpt.split(BLOCK_SEPARATOR);
  // The first block may be the tail of a heading (the window starts mid-title), so "part of" suffices.
  while (blocks.length > 0 && known.some((heading) => heading.includes(plain(blocks[0]!)))) blocks.shift();
  return blocks
    .join(BLOCK_SEPARATOR)
    .replace(LEADING_PUNCTUATION, '')
    .replace(new RegExp(`(?<=[${CJK}])\\. `, 'g'), '。')
    .replace(new RegExp(`(?<=[。！？；：])\\s+(?=[${CJK}“<])`, 'g'), '')
    .trim();
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
  /** Pagefind's excerpt: escaped page text with <mark> around the matches. */
  excerpt: string;
  /** What the page indexes ahead of its body: title, kicker, subtitle, keywords. */
  headings: readonly string[];
  /** The page's own summary (an honoree as printed, a program's summary): it reads better than a window. */
  summary?: string;
}

/** The snippet's HTML: the page's summary with the query marked where it has one, else the cleaned excerpt. */
export function resultSnippet({ excerpt, headings, summary }: SnippetSource, query: string): string {
  if (summary?.trim()) return markTerms(summary.trim(), queryTerms(query));
  return cleanExcerpt(excerpt, headings);
}
