import type { Story } from './story';

/**
 * Stories that share tags or regions with `story`, most related first. A shared tag weighs more than a
 * shared region, since a region alone (四川) spans unrelated topics. `stories` must already be sorted,
 * which breaks ties in favour of the newer story.
 */
export function relatedStories<T extends Story>(story: Story, stories: readonly T[], count: number): T[] {
  const tags = new Set(story.data.tags);
  const regions = new Set(story.data.regions);
  // The best `count` so far, highest score first; among equal scores, in the order of `stories`.
  const best: { other: T; score: number }[] = [];
  for (const other of stories) {
    if (other.id === story.id) continue;
    let score = 0;
    for (const tag of other.data.tags) if (tags.has(tag)) score += 2;
    for (const region of other.data.regions) if (regions.has(region)) score += 1;
    if (score === 0 || (best.length === count && best[count - 1]!.score >= score)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { other, score });
    if (best.length > count) best.pop();
  }
  return best.map(({ other }) => other);
}
