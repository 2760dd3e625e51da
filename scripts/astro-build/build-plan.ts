/**
 * How `npm run build:site` builds: whole, or in parts (src/build/build-part.ts) when the archive is large.
 * The shared part lists every story's data and excerpt, so its memory grows, slowly, with the archive; a
 * story part renders its own share and grows with that (BENCHMARKS.md §2 has the figures these come from).
 */

/** Stories one part renders at most; an archive up to this size is built whole, as one process. */
export const STORIES_PER_PART = 2_500;

const MiB = 2 ** 20;
/**
 * The planned peak of the largest part, from what was measured with every story an MDX module
 * (BENCHMARKS.md §2), with 15 % more for what the measurements did not see:
 * - the shared part: ~690 MiB of its own and ~0.012 MiB for each story it lists (1,045 MiB at 30,000);
 * - a story part: ~860 MiB of its own (bundling the site, reading every story's frontmatter) and ~0.32 MiB
 *   for each story it renders, whatever the archive's size (1,645 MiB for 2,300 of 30,000 stories).
 */
export function partMemoryBytes(stories: number, storyParts: number): number {
  const shared = 690 * MiB + 0.012 * MiB * stories;
  const storyPart = 860 * MiB + 0.32 * MiB * Math.ceil(stories / storyParts);
  return 1.15 * Math.max(shared, storyPart);
}

/**
 * How many story parts to build `stories` stories in. HUIGONG_BUILD_PARTS (`requested`) sets it (tests,
 * benchmarks, a runner that knows better); it must be a whole number from 1, where 1 builds whole.
 */
export function storyPartCount(stories: number, requested: string | undefined): number {
  if (requested !== undefined && requested !== '') {
    if (!/^[1-9]\d*$/.test(requested)) throw new Error(`HUIGONG_BUILD_PARTS=${requested}: expected a whole number of story parts, 1 or more (1 builds the site whole)`);
    return Number(requested);
  }
  return Math.max(1, Math.ceil(stories / STORIES_PER_PART));
}

/** How many parts build at once: one per core, as far as the memory holds each part's peak; at least one. */
export function partConcurrency(cpus: number, memoryBytes: number, partBytes: number): number {
  return Math.max(1, Math.min(cpus, Math.floor(memoryBytes / partBytes)));
}
