/**
 * A large archive is built in parts, each its own `astro build` process, so that no process holds every
 * story's rendered text and MDX module (what fills the build's memory: BENCHMARKS.md §2). The shared part
 * makes every page but the stories' own; each story part makes the pages of the stories its id's hash
 * assigns to it. The shared part keeps every story's data and excerpt for its lists; a story part keeps
 * its own stories whole and only the data of the rest, for related stories and neighbouring links; what
 * a part does not render it keeps out of its content store (storyKeeping). A small archive is built whole,
 * as one part.
 */
export type BuildPart =
  | { readonly kind: 'whole' }
  | { readonly kind: 'shared' }
  | { readonly kind: 'stories'; readonly index: number; readonly count: number };

const STORY_PART = /^stories-([1-9]\d*)-of-([1-9]\d*)$/;

/** The part's name, as HUIGONG_BUILD_PART gives it: whole, shared, stories-2-of-5 (counted from 1). */
export function buildPartName(part: BuildPart): string {
  return part.kind === 'stories' ? `stories-${part.index + 1}-of-${part.count}` : part.kind;
}

/** Reads HUIGONG_BUILD_PART; unset is the whole site. A name it does not know stops the build. */
export function parseBuildPart(value: string | undefined): BuildPart {
  if (value === undefined || value === '' || value === 'whole') return { kind: 'whole' };
  if (value === 'shared') return { kind: 'shared' };
  const match = STORY_PART.exec(value);
  const index = Number(match?.[1]) - 1;
  const count = Number(match?.[2]);
  if (!match || index >= count) throw new Error(`HUIGONG_BUILD_PART=${value}: expected whole, shared or stories-K-of-N with 1 ≤ K ≤ N`);
  return { kind: 'stories', index, count };
}

/** The parts a build of `storyParts` story parts runs: the whole site alone, or the shared part and each story part. */
export function buildParts(storyParts: number): BuildPart[] {
  if (storyParts <= 1) return [{ kind: 'whole' }];
  return [{ kind: 'shared' }, ...Array.from({ length: storyParts }, (_, index) => ({ kind: 'stories' as const, index, count: storyParts }))];
}

/**
 * Which of `count` story parts renders the story `id`: a hash of the id (FNV-1a over its UTF-16 code
 * units, mixed by MurmurHash3's finaliser so ids alike but for a number spread too), so a story stays in
 * its part from build to build (each part keeps its own content cache) and parts come out even.
 */
export function storyPartIndex(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % count;
}

/** Whether this part renders the story `id` (its page and its body). */
export function rendersStory(part: BuildPart, id: string): boolean {
  if (part.kind === 'whole') return true;
  if (part.kind === 'shared') return false;
  return storyPartIndex(id, part.count) === part.index;
}

/**
 * How this part keeps a story it has read: `whole` in its content store (it renders the story), or apart
 * from the store (src/data/listed-stories.ts), with the opening of its body its excerpt needs (`excerpt`:
 * the shared part's lists show it) or its data alone (`listed`: a story part's links and related stories).
 * The store's whole text is one module of each part's bundle, so every story kept there cost a part
 * ~0.04 MiB at 30,000 (BENCHMARKS §2).
 */
export function storyKeeping(part: BuildPart, id: string): 'whole' | 'excerpt' | 'listed' {
  if (rendersStory(part, id)) return 'whole';
  return part.kind === 'shared' ? 'excerpt' : 'listed';
}

/**
 * Whether this part checks the story's written dates (src/data/written-times-loader.ts): the whole build and
 * the shared part check every story, and a failing part fails the build, so a story part checks only its
 * own (reading each file again took ~10 s of every part's minute at 30,000 stories: BENCHMARKS §2).
 */
export function checksStory(part: BuildPart, id: string): boolean {
  return part.kind !== 'stories' || rendersStory(part, id);
}

/**
 * Whether this part makes the pages that grow with the archive but are not a story's own (the paginated
 * lists, the month archive). Fixed pages (home, honors, programs, the cinema) are made by every part,
 * since Astro always builds them; the shared part's copy is the one kept.
 */
export function makesListPages(part: BuildPart): boolean {
  return part.kind !== 'stories';
}
