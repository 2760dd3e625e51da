/**
 * What the indexer gives Pagefind for one built page: only the page's searchable parts (its
 * `data-pagefind-body` elements, as Pagefind itself would index them), with the Chinese text in
 * character pairs (han-bigrams.ts). Pages without a searchable part are not indexed, as with the
 * Pagefind CLI on a site that marks its bodies. The document is also the page's fingerprint: the
 * story links around a story (上一篇, related stories) change as stories are added, the index does not.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { encodeForIndex, SPLIT_MARK } from './han-bigrams.ts';

export interface IndexDocument {
  /** The page's URL on the site, e.g. /news/bench-00001/. */
  url: string;
  /** A minimal HTML page for Pagefind's addHTMLFile. */
  html: string;
  /** The page's date (YYYY-MM-DD) from its `<time datetime>`, which places a story in a shard; undefined for undated pages. */
  date?: string;
}

/** Elements whose text Pagefind runs on into their neighbours' (no ". " between them, as between blocks). */
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);
const isInline = (node: Node | undefined) => node?.nodeType === 1 && INLINE.has((node as HTMLElement).tagName);
const HAN_START = /^\p{Script=Han}/u;
const HAN_END = /\p{Script=Han}$/u;

function encodeText(element: HTMLElement): void {
  const inline = INLINE.has(element.tagName);
  const nodes = element.childNodes;
  nodes.forEach((node, i) => {
    if (node.nodeType === 3) {
      // Pagefind joins inline text with no space (长<a>姚婕</a> reads 长姚婕), which would glue one node's
      // last pair to the next node's first: where Han text meets an inline edge it gets the encoding's own
      // split, which the search page takes out of excerpts again (decodeFromIndex).
      const raw = node.rawText;
      const edge = `${SPLIT_MARK} `;
      const start = HAN_START.test(raw) && ((inline && i === 0) || isInline(nodes[i - 1]));
      const end = HAN_END.test(raw) && ((inline && i === nodes.length - 1) || isInline(nodes[i + 1]));
      node.rawText = `${start ? edge : ''}${encodeForIndex(raw)}${end ? edge : ''}`;
    } else if (node.nodeType === 1 && !['SCRIPT', 'STYLE'].includes((node as HTMLElement).tagName)) encodeText(node as HTMLElement);
  });
}

/** Attributes a page asks Pagefind to index (`data-pagefind-index-attrs`) are search text too. */
function encodeIndexedAttributes(body: HTMLElement): void {
  for (const element of [body, ...body.querySelectorAll('[data-pagefind-index-attrs]')]) {
    const names = element.getAttribute('data-pagefind-index-attrs')?.split(',') ?? [];
    for (const name of names.map((n) => n.trim()).filter(Boolean)) {
      const value = element.getAttribute(name);
      if (value !== undefined) element.setAttribute(name, encodeForIndex(value));
    }
  }
}

/** The page's document for the index, or undefined if the page has nothing searchable. */
export function indexDocument(url: string, pageHtml: string): IndexDocument | undefined {
  const root = parse(pageHtml, { comment: false, blockTextElements: { script: true, style: true } });
  const bodies = root.querySelectorAll('[data-pagefind-body]');
  if (bodies.length === 0) return undefined;
  const lang = root.querySelector('html')?.getAttribute('lang') ?? 'zh-CN';
  const date = bodies.map((body) => body.querySelector('time[datetime]')?.getAttribute('datetime')).find(Boolean)?.slice(0, 10);
  for (const body of bodies) {
    encodeIndexedAttributes(body);
    encodeText(body);
  }
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${bodies.map((body) => body.outerHTML).join('')}</body></html>`;
  return { url, html, ...(date ? { date } : {}) };
}
