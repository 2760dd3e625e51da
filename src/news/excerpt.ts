/**
 * The opening of a story's body as plain text for lists and meta descriptions: headings, markup and
 * MDX components dropped, cut at `length` characters on a sentence end where one is near.
 */
export function excerpt(body: string, length = 90): string {
  const text = body
    // House components: keep what they say, drop the tags (<Honoree id="…">姚婕</Honoree> → 姚婕).
    .replace(/<\/?[A-Z][\w.]*(?:\s[^>]*)?\/?>/g, '')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block && !/^(#|<|import |export |\{)/.test(block))
    .join('')
    .replace(/[*_`>#[\]]|\(\S*?\)/g, '')
    .replace(/\s+/g, '');
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const sentenceEnd = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return sentenceEnd > length * 0.6 ? cut.slice(0, sentenceEnd + 1) : `${cut}…`;
}
