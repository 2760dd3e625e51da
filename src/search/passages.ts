/**
 * A page's body cut into passages for the search (search_passages): each at most PASSAGE_LENGTH
 * characters, cut after a sentence's end where there is one, so that a row stays far below D1's
 * 100 KB statement limit and a phrase is found unless it spans two sentences.
 */

/** Characters: about 12 KB as written and 40 KB in character pairs. */
export const PASSAGE_LENGTH = 4000;
const SENTENCE_END = /[。！？；!?;]/u;

/** The body's passages in order; a body of no text is one empty passage (the title is still searched). */
export function passages(body: string, length = PASSAGE_LENGTH): string[] {
  const chars = [...body];
  const parts: string[] = [];
  let start = 0;
  while (chars.length - start > length) {
    let end = start + length;
    // Back to just after the last sentence end in the window; a window with none is cut where it is full.
    while (end > start + length / 2 && !SENTENCE_END.test(chars[end - 1]!)) end -= 1;
    if (end === start + length / 2) end = start + length;
    parts.push(chars.slice(start, end).join(''));
    start = end;
  }
  parts.push(chars.slice(start).join(''));
  return parts;
}
