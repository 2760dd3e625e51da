/**
 * Chinese text as the search index sees it: every run of Han characters written as its overlapping
 * character pairs (惠工影院 → 惠工 工影 影院 院), so that any two or more characters of a page are found
 * as a phrase of pairs, also inside longer words (影院 in 电影院) and in names no dictionary knows
 * (姚婕). The index (D1's FTS5, unicode61) then takes words as what lies between spaces and punctuation,
 * with no segmenter. BENCHMARKS.md §9 compares this with word segmentation.
 *
 * A pair token ends in PAIR_MARK (its second character repeats in the next token) and a space put
 * between a Han run and its neighbour is written SPLIT_MARK + ' '. Both marks are ASCII punctuation,
 * which the index drops from the words it holds; the text as written is kept beside it
 * (search_passages), so nothing reads it back from here.
 */

/** Ends a pair token (`影院${PAIR_MARK} `): its second character begins the next one. */
export const PAIR_MARK = '`^';
/** A space the encoding put in (between a Han run and what touches it). */
export const SPLIT_MARK = '^`';

/**
 * Full-width letters and digits (２０２４, ＡＰＰ, as a Chinese keyboard may type them) as their ASCII, and
 * the like (NFKC): unicode61 folds case and accents but not these. Query and index both, so either
 * finds the other; the text as written stays in search_passages.
 */
export const foldForIndex = (text: string): string => text.normalize('NFKC');

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
  return foldForIndex(text)
    .split(/(\s+)/)
    .map((chunk) => (/^\s*$/.test(chunk) ? chunk : chunkTokens(chunk).map((token, i, all) => (i === all.length - 1 || token.endsWith(PAIR_MARK) ? token : `${token}${SPLIT_MARK}`)).join(' ')))
    .join('');
}
