import type { Story } from './story';

function shared(a: readonly string[], b: readonly string[]): number {
  return a.filter((value) => b.includes(value)).length;
}

/**
 * Stories that share tags or regions with `story`, most related first. A shared tag weighs more than a
 * shared region, since a region alone (四川) spans unrelated topics. `stories` must already be sorted,
 * which breaks ties in favour of the newer story.
 */
export function relatedStories<T extends Story>(story: Story, stories: readonly T[], count: number): T[] {
  return stories
    .filter((other) => other.id !== story.id)
    .map((other) => ({
      other,
      score: 2 * shared(story.data.tags, other.data.tags) + shared(story.data.regions, other.data.regions),
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map(({ other }) => other);
}
