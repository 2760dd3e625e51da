/**
 * A search result's excerpt (GET /api/search: the page's text escaped, with only <mark> added;
 * result-snippet.ts markTerms) as the pieces the search page puts in the page: text, and text to mark.
 * Read as text, never as HTML: whatever else an excerpt might hold shows as the characters it is and
 * cannot run, so the page need not trust the answer to put it in.
 */

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos));/gi;

function unescaped(html: string): string {
  return html.replace(ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
    if (code === undefined) return NAMED[name!.toLowerCase()] ?? entity;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** @example excerptParts('…<mark>惠工影院</mark>&#60;免费&#62;') // [{ text: '…', marked: false }, { text: '惠工影院', marked: true }, { text: '<免费>', marked: false }] */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') marked = piece === '<mark>';
    else if (piece) parts.push({ text: unescaped(piece), marked });
  }
  return parts;
}
