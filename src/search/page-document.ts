/**
 * A built page as the search holds it (search-document.ts), read from the page's own markup:
 * - `data-search-body="news"` marks a searchable part and its type; a page without one is not searched;
 * - its `<h1>` is the title; `data-search-heading` elements (kicker, subtitle) and `data-search-keywords`
 *   attributes rank above the body without being shown;
 * - a `data-search-summary` element is the result's text; `data-search-ignore` parts (byline, chips,
 *   links to other stories) are not searched;
 * - a story's first `<time datetime>` is its date (other pages' times are screenings', not the page's).
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { searchDocumentSchema, type SearchDocument } from './search-document.ts';

/** Elements whose text runs on into their neighbours'; any other element ends a block. */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg']);
const ENDS_IN_PUNCTUATION = /[。！？；：—”…）.!?;:)]$/u;

/** Whitespace collapsed, and none left between two Han characters (markup's line breaks are not spaces in Chinese). */
export function cleanText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .trim();
}

/** The blocks of text under an element, leaving out what `skip` says. */
function blocks(element: HTMLElement, skip: (element: HTMLElement) => boolean): string[] {
  const done: string[] = [];
  let current = '';
  const close = () => {
    const text = cleanText(current);
    if (text) done.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.text;
      return;
    }
    if (node.nodeType !== 1) return;
    const child = node as HTMLElement;
    if (SKIPPED.has(child.tagName) || skip(child)) return;
    const inline = INLINE.has(child.tagName);
    if (!inline) close();
    child.childNodes.forEach(walk);
    if (!inline) close();
  };
  element.childNodes.forEach(walk);
  close();
  return done;
}

/** Blocks as one run of prose: a block that does not end in punctuation gets a 。 before the next. */
export function asProse(parts: readonly string[]): string {
  return parts.map((part, i) => (i === parts.length - 1 || ENDS_IN_PUNCTUATION.test(part) ? part : `${part}。`)).join('');
}

const textOf = (element: HTMLElement) => asProse(blocks(element, (child) => child.hasAttribute('data-search-ignore')));

/**
 * The page's search document, or undefined if the page has nothing searchable. Throws, naming the
 * page, if its searchable part is malformed (no title, an unknown type): a build must not publish a
 * page that search would show wrongly.
 */
export function pageDocument(url: string, pageHtml: string): SearchDocument | undefined {
  const root = parse(pageHtml, { comment: false, blockTextElements: { script: true, style: true } });
  const parts = root.querySelectorAll('[data-search-body]');
  if (parts.length === 0) return undefined;
  const h1 = parts.map((part) => part.querySelector('h1')).find(Boolean);
  const headingElements = parts.flatMap((part) => part.querySelectorAll('[data-search-heading]'));
  const keywords = parts.flatMap((part) => [part, ...part.querySelectorAll('[data-search-keywords]')]).map((element) => element.getAttribute('data-search-keywords') ?? '');
  const summary = parts.map((part) => part.querySelector('[data-search-summary]')).find(Boolean);
  const types = new Set(parts.map((part) => part.getAttribute('data-search-body')));
  // One page is one result of one type: a second part of another type is an editing slip, not a choice.
  if (types.size > 1) throw new Error(`${url}: its searchable parts (data-search-body) have different types: ${[...types].join(', ')}`);
  const type = parts[0]!.getAttribute('data-search-body');
  const date = type !== 'news' ? undefined : parts.map((part) => part.querySelector('time[datetime]')?.getAttribute('datetime')).find(Boolean)?.slice(0, 10);
  const isPartOfHead = (element: HTMLElement) => element === h1 || element.hasAttribute('data-search-heading') || element.hasAttribute('data-search-ignore');
  const document = {
    url,
    type,
    title: h1 ? textOf(h1) : '',
    ...(date ? { date } : {}),
    // Each heading and keyword apart: 看电影 电影票 are two words, not 看电影电影票.
    headings: [...headingElements.map(textOf), ...keywords.flatMap((words) => words.split(/\s+/))].filter(Boolean).join(' '),
    ...(summary ? { summary: textOf(summary) } : {}),
    body: asProse(parts.flatMap((part) => blocks(part, isPartOfHead))),
  };
  const parsed = searchDocumentSchema.safeParse(document);
  if (!parsed.success) throw new Error(`${url}: its searchable part (data-search-body) ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'page'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
