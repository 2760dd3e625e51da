/**
 * A reader's query as SQLite full-text (FTS5) queries over the pair-encoded index (han-bigrams.ts):
 * first the whole query as one exact phrase, which finds exactly the pages that hold it; if that
 * finds nothing, every piece's terms anywhere in a page, as a reader who typed 工会 驿站 may mean.
 *
 * The query's tokens are the ones its text has in a page: each Han run as its pairs, and its last
 * character alone where the page's run must end there (the query goes on with something else: 28场 in
 * 第28场 is not 28场电影's). The last token is a prefix: the page may go on where the query stops
 * (一个字 劳 in 劳模, 2024 in 2024年). Only letters and digits reach the query, so no reader's text is
 * FTS5 syntax.
 */

import { foldForIndex } from './han-bigrams.ts';

/** A run of Han characters, or of other letters and digits (unicode61's token characters). */
const SEGMENT = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

interface Token {
  text: string;
  prefix: boolean;
}

function tokens(text: string): Token[] {
  const segments = text.match(SEGMENT) ?? [];
  return segments.flatMap((segment, i): Token[] => {
    const last = i === segments.length - 1;
    const chars = [...segment];
    const isHan = /^\p{Script=Han}/u.test(segment);
    if (!isHan || chars.length === 1) return [{ text: segment.toLowerCase(), prefix: last }];
    const pairs = chars.slice(0, -1).map((char, j) => ({ text: `${char}${chars[j + 1]}`, prefix: false }));
    return last ? pairs : [...pairs, { text: chars.at(-1)!, prefix: false }];
  });
}

const quoted = ({ text, prefix }: Token) => `"${text}"${prefix ? '*' : ''}`;

/**
 * The fallback's terms at most (distinct): more than a reader types, and each term, a one-character
 * prefix above all, is a list D1 reads and intersects.
 */
export const MAX_FALLBACK_TERMS = 8;

export interface FtsQueries {
  /** The query as one phrase (its pieces joined as if typed without spaces). */
  phrase: string;
  /**
   * Every piece's terms, each one MATCH expression, all required somewhere in a page (its title and its
   * passages are rows of their own: not all in one row); undefined where it would be the phrase again.
   */
  fallback?: string[];
}

/**
 * The FTS5 MATCH expressions for a query, or undefined if it has no letters or digits.
 *
 * @example ftsQueries('惠工影院') // { phrase: '"惠工 工影 影院"', fallback: ['"惠工"', '"工影"', '"影院"'] }
 */
export function ftsQueries(query: string): FtsQueries | undefined {
  const pieces = foldForIndex(query).split(/\s+/).filter(Boolean);
  // Chinese is typed without spaces: a space between Han characters is the reader's, not the text's.
  const whole = tokens(pieces.reduce((joined, piece) => (/\p{Script=Han}$/u.test(joined) && /^\p{Script=Han}/u.test(piece) ? joined + piece : `${joined} ${piece}`)));
  if (whole.length === 0) return undefined;
  const phrase = `"${whole.map((token) => token.text).join(' ')}"${whole.at(-1)!.prefix ? '*' : ''}`;
  const anywhere = [...new Set(pieces.flatMap(tokens).map(quoted))].slice(0, MAX_FALLBACK_TERMS);
  return anywhere.length > 1 ? { phrase, fallback: anywhere } : { phrase };
}
