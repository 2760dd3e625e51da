/**
 * Whether a line of a part's output is Astro's complaint, after its loaders ran, that an entry refers to a
 * story missing from the part's content store. A part keeps every story it does not render out of its
 * store (src/data/story-part-loader.ts), so each honor or program citing one is "missing" there, a line per
 * reference in every part. Nothing is wrong: the story refs' schema has already checked each id against
 * the files (src/schemas/story-ref-schema.ts) and stops the build on one that is not there.
 */
export function isListedStoryReference(line: string): boolean {
  return /Invalid content reference: .* in collection "news", but that entry does not exist\./.test(line);
}
