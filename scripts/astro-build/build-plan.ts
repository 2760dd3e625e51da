/**
 * How `npm run build:site` builds: whole, or in parts (src/build/build-part.ts) when the archive is large.
 * Each part holds every story's data and excerpt but renders only its share, so a part's memory grows
 * with the archive and, faster, with its share (BENCHMARKS.md §2 has the figures these come from).
 */

/** Stories one part renders at most; an archive up to this size is built whole, as one process. */
export const STORIES_PER_PART = 2_500;

const MiB = 2 ** 20;
/**
 * A story part's planned peak, from what was measured (BENCHMARKS.md §2): ~590 MiB of its own, up to
 * ~0.47 MiB for each story it renders (when every story is an MDX module; ~0.185 when a fifth is) and
 * ~0.042 MiB for each it only lists (2,935 MiB for the largest part at 30,000 stories, every one MDX),
 * with 15 % more for what the measurement did not see.
 */
export function partMemoryBytes(stories: number, storyParts: number): number {
  const rendered = Math.ceil(stories / storyParts);
  return 1.15 * (590 * MiB + 0.47 * MiB * rendered + 0.042 * MiB * stories);
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
