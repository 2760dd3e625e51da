/**
 * Chinese text as the search index sees it: every run of Han characters written as its overlapping
 * character pairs (惠工影院 → 惠工 工影 影院 院), so that any two or more characters of a page are found
 * as a phrase of pairs, also inside longer words (影院 in 电影院) and in names no dictionary knows
 * (姚婕). Pagefind then indexes the text as English (words between spaces, no segmenter), which is
 * what keeps the build's memory down. BENCHMARKS.md §9 compares this with word segmentation.
 *
 * The encoding is reversible, so titles, metadata and excerpts read as written: a pair token ends in
 * PAIR_MARK (its second character repeats in the next token) and a space put between a Han run and
 * its neighbour is written SPLIT_MARK + ' '. Both marks are ASCII punctuation, which Pagefind drops
 * from the words it indexes (and does not split a word on, which other characters would make it do).
 */

/** Ends a pair token: `影院${PAIR_MARK} ` decodes to 影. */
export const PAIR_MARK = '`^';
/** A space the encoding put in (between a Han run and what touches it). */
export const SPLIT_MARK = '^`';

const HAN = /\p{Script=Han}/u;
const HAN_PARTS = /(\p{Script=Han}+)/u;
/** Letters and digits other than Han: a word of their own. The rest (punctuation) sticks to a neighbour. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The tokens of one Han run in the index: its pairs, then its last character alone. */
function runTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  return [...chars.slice(0, -1).map((char, i) => `${char}${chars[i + 1]}${PAIR_MARK}`), chars.at(-1)!];
}

/**
 * The tokens of a chunk of text without spaces: Han runs as pairs, other letters and digits as they
 * are, punctuation stuck to the token before it (or after it, at the chunk's start), so that no token
 * is punctuation alone: Pagefind would count it as a word, and a phrase would not match across it.
 */
function chunkTokens(chunk: string): string[] {
  const tokens: string[] = [];
  let leading = '';
  for (const part of chunk.split(HAN_PARTS).filter(Boolean)) {
    const parts = HAN.test(part) ? runTokens(part) : WORDLIKE.test(part) ? [part] : undefined;
    if (!parts) {
      if (tokens.length > 0) tokens[tokens.length - 1] = tokens.at(-1)!.endsWith(PAIR_MARK) ? tokens.at(-1)! : `${tokens.at(-1)}${part}`;
      else leading += part;
      continue;
    }
    tokens.push(`${leading}${parts[0]}`, ...parts.slice(1));
    leading = '';
  }
  return leading ? [...tokens, leading] : tokens;
}

/**
 * Text for the index: each Han run as its pairs, set apart from what touches it.
 *
 * @example encodeForIndex('2024年劳模') // '2024^` 年劳`^ 劳模`^ 模'
 */
export function encodeForIndex(text: string): string {
  return text
    .split(/(\s+)/)
    .map((chunk) => (/^\s*$/.test(chunk) ? chunk : chunkTokens(chunk).map((token, i, all) => (i === all.length - 1 || token.endsWith(PAIR_MARK) ? token : `${token}${SPLIT_MARK}`)).join(' ')))
    .join('');
}

/** The text as written: undoes encodeForIndex (also on Pagefind's `content`, which joins blocks with ". "). */
export function decodeFromIndex(text: string): string {
  return text.replace(/(\p{Script=Han})\p{Script=Han}`\^ /gu, '$1').replace(/\^` /g, '').replace(/\^`$/, '');
}

export interface EncodedQuery {
  /** The query as one exact phrase of pairs (pieces joined as if typed without spaces), or undefined for one character. */
  phrase?: string;
  /** Every piece's tokens, for Pagefind's ordinary search (all terms, each as a prefix). */
  plain: string;
}

/**
 * A piece of a query as the index holds it, without the marks (Pagefind drops punctuation from a
 * query). Where the piece ends on a run of Han characters, the run's last character alone is left out:
 * the page may go on where the query stops (影院 in 影院里).
 */
function queryTokens(piece: string): string[] {
  const tokens = chunkTokens(piece).map((token) => token.replace(PAIR_MARK, '').replace(/[^\p{L}\p{N}]/gu, ''));
  const endsOnRun = /\p{Script=Han}{2}[^\p{L}\p{N}]*$/u.test(piece);
  return (endsOnRun ? tokens.slice(0, -1) : tokens).filter(Boolean);
}

/** Whether the text ends on a Han character that is its run's only one (…28场). */
function isLoneHanEnd(text: string): boolean {
  return /(^|[^\p{Script=Han}])\p{Script=Han}[^\p{L}\p{N}]*$/u.test(text);
}

/**
 * A reader's query in the index's terms: first as an exact phrase, then (if that finds nothing) as
 * all of its pairs anywhere in a page.
 *
 * @example encodeQuery('惠工影院') // { phrase: '"惠工 工影 影院"', plain: '惠工 工影 影院' }
 */
export function encodeQuery(query: string): EncodedQuery {
  const pieces = query.split(/\s+/).filter(Boolean);
  // A run's last character is a token of its own in the index only where the run ends: where the
  // query ends on it, the page may go on (28场 in 28场电影), so the phrase leaves it to the plain search.
  const plain = pieces.flatMap(queryTokens);
  const joined = queryTokens(pieces.join(''));
  const phraseTokens = joined.length > 1 && isLoneHanEnd(pieces.join('')) ? joined.slice(0, -1) : joined;
  const isOneCharacter = [...pieces.join('')].length === 1;
  return { phrase: isOneCharacter || phraseTokens.length === 0 ? undefined : `"${phraseTokens.join(' ')}"`, plain: plain.join(' ') };
}
