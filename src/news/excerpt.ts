/** The longest excerpt asked for (the RSS feed's); excerptSource keeps what excerpts up to this need. */
export const EXCERPT_MAX_LENGTH = 200;

const BLOCK_BREAK = /\n\s*\n/g;

/** A body's prose as plain text: headings, markup and MDX components dropped, no white space. */
function plainText(body: string): string {
  return (
    body
      // House components: keep what they say, drop the tags (<Honoree id="…">姚婕</Honoree> → 姚婕).
      .replace(/<\/?[A-Z][\w.]*(?:\s[^>]*)?\/?>/g, '')
      .split(BLOCK_BREAK)
      .map((block) => block.trim())
      .filter((block) => block && !/^(#|<|import |export |\{)/.test(block))
      .join('')
      .replace(/[*_`>#[\]]|\(\S*?\)/g, '')
      .replace(/\s+/g, '')
  );
}

/**
 * The opening of a story's body as plain text for lists and meta descriptions: headings, markup and
 * MDX components dropped, cut at `length` (at most EXCERPT_MAX_LENGTH) characters on a sentence end
 * where one is near.
 */
export function excerpt(body: string, length = 90): string {
  if (length > EXCERPT_MAX_LENGTH) throw new RangeError(`excerpt of ${length} characters: at most ${EXCERPT_MAX_LENGTH} (excerptSource keeps no more)`);
  const text = plainText(body);
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const sentenceEnd = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return sentenceEnd > length * 0.6 ? cut.slice(0, sentenceEnd + 1) : `${cut}…`;
}

/**
 * The shortest opening of `body`, whole blocks, whose every excerpt is the body's own: a build made in
 * parts keeps this much of the stories it does not render, for their cards in lists (a whole body costs
 * the build ~0.05 MiB a story: BENCHMARKS §2). Checked, not assumed: the opening's plain text must begin
 * with the body's first EXCERPT_MAX_LENGTH + 1 characters, or be all of it.
 */
export function excerptSource(body: string): string {
  const wanted = plainText(body).slice(0, EXCERPT_MAX_LENGTH + 1);
  for (const blockBreak of body.matchAll(BLOCK_BREAK)) {
    const opening = body.slice(0, blockBreak.index);
    if (plainText(opening).slice(0, EXCERPT_MAX_LENGTH + 1) === wanted) return opening;
  }
  return body;
}
