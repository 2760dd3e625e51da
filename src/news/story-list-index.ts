import type { Story } from './story';

/** Where each story sits in a sorted list, and which positions carry each tag and region. */
export interface StoryListIndex {
  positionOf: Map<string, number>;
  /** Term → positions in list order (a term a story lists twice counts once). */
  withTag: Map<string, number[]>;
  withRegion: Map<string, number[]>;
  /** Each position's regions. */
  regionsAt: readonly (readonly string[])[];
  /** Scratch space for scoring, one slot per story, all zero between calls. */
  scores: Int32Array;
  marks: Uint8Array;
}

const indexes = new WeakMap<readonly Story[], StoryListIndex>();

function push(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions) positions.push(position);
  else map.set(key, [position]);
}

/**
 * The index of a story list, built once per list: every story page asks about its neighbours and related
 * stories in the same list, and scanning it for each would make the build quadratic (at 30,000 stories,
 * minutes of related-story scoring alone). The list must not change afterwards; the build's never does.
 */
export function storyListIndex(stories: readonly Story[]): StoryListIndex {
  let index = indexes.get(stories);
  if (!index) {
    const positionOf = new Map<string, number>();
    const withTag = new Map<string, number[]>();
    const withRegion = new Map<string, number[]>();
    const regionsAt: (readonly string[])[] = [];
    for (const [position, story] of stories.entries()) {
      const { id, data } = story;
      positionOf.set(id, position);
      const regions = [...new Set(data.regions)];
      for (const tag of new Set(data.tags)) push(withTag, tag, position);
      for (const region of regions) push(withRegion, region, position);
      regionsAt.push(regions);
    }
    index = { positionOf, withTag, withRegion, regionsAt, scores: new Int32Array(stories.length), marks: new Uint8Array(stories.length) };
    indexes.set(stories, index);
  }
  return index;
}
