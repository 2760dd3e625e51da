/**
 * The text under a search result: the page's own summary where it has one, else a window of the
 * passage that matched best, opened at the start of the sentence holding the first match, with the
 * query marked.
 */

import { foldForIndex } from './han-bigrams.ts';

const SNIPPET_LENGTH = 80;
/** How far back a snippet may open to start on a sentence. */
const LOOK_BACK = 40;
const SENTENCE_END = /[。！？；]/;
const LOW_SURROGATE = /^[\uDC00-\uDFFF]$/;

/** Up to SNIPPET_LENGTH characters of the body, opening on the sentence of the first term found. */
export function bodyWindow(body: string, terms: readonly string[]): string {
  const hits = terms.map((term) => body.search(termsPattern([term], 'i'))).filter((index) => index >= 0);
  const first = hits.length > 0 ? Math.min(...hits) : 0;
  let start = first;
  while (start > 0 && first - start < LOOK_BACK && !SENTENCE_END.test(body[start - 1]!)) start -= 1;
  const opensOnSentence = start === 0 || SENTENCE_END.test(body[start - 1]!);
  if (!opensOnSentence) start = Math.max(0, first - LOOK_BACK / 2);
  // Counted in UTF-16 units: neither end may fall inside a character beyond them (𠀀 in a name, an emoji).
  if (start > 0 && LOW_SURROGATE.test(body[start]!)) start -= 1;
  let end = Math.min(body.length, start + SNIPPET_LENGTH);
  if (LOW_SURROGATE.test(body[end] ?? '')) end -= 1;
  return `${opensOnSentence ? '' : '…'}${body.slice(start, end)}${end < body.length ? '…' : ''}`;
}

/** The terms as one pattern, case-insensitive as the index is (APP finds app). */
function termsPattern(terms: readonly string[], flags: string): RegExp {
  return new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), flags);
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
  // As typed and as the search folds it (foldForIndex: ２０２４ found 2024).
  const pieces = [...new Set([...query.split(/\s+/), ...foldForIndex(query).split(/\s+/)])].filter(Boolean);
  const words = pieces.flatMap((piece) =>
    [...segmenter.segment(piece)].filter((segment) => segment.isWordLike && segment.segment.length > 1).map((segment) => segment.segment),
  );
  return [...new Set([...pieces, ...words])].sort((a, b) => b.length - a.length);
}

/** Plain text as HTML with <mark> around each occurrence of the terms (a page's own summary). */
export function markTerms(text: string, terms: readonly string[]): string {
  if (terms.length === 0) return escapeHtml(text);
  const pattern = termsPattern(terms, 'gi');
  let html = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    html += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

export interface SnippetSource {
  /** The passage of the page's body that matched best. */
  passage: string;
  /** The page's own summary (an honoree as printed, a program's summary): it reads better than a window. */
  summary?: string | null;
}

/** The snippet's HTML, escaped, with the query marked: the page's summary where it has one, else a window of the passage. */
export function resultSnippet({ passage, summary }: SnippetSource, query: string): string {
  const terms = queryTerms(query);
  const text = summary?.trim() || bodyWindow(passage, terms);
  return markTerms(text, terms);
}
