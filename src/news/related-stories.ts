import type { Story } from './story';
import { storyListIndex } from './story-list-index';

/** The `count` best of `positions`: higher score first; among equal scores, the earlier in the list (the newer story). */
function best(positions: readonly number[], scores: Int32Array, count: number, skip: number | undefined): number[] {
  const ranksBefore = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const top: number[] = [];
  for (const position of positions) {
    if (position === skip || (top.length === count && !ranksBefore(position, top[count - 1]!))) continue;
    let at = top.length;
    while (at > 0 && ranksBefore(position, top[at - 1]!)) at--;
    top.splice(at, 0, position);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * Stories that share tags or regions with `story`, most related first. A shared tag weighs more than a
 * shared region, since a region alone (四川) spans unrelated topics; a term listed twice counts once.
 * `stories` must already be sorted, which breaks ties in favour of the newer story.
 *
 * At scale (issue 16): only stories sharing a tag are scored, through the list's index (built once per
 * list), and those sharing only a region (a province holds a tenth of the archive) only when they could
 * still rank: they score at most one point per region of `story`.
 */
export function relatedStories<T extends Story>(story: Story, stories: readonly T[], count: number): T[] {
  const { positionOf, withTag, withRegion, regionsAt, scores, marks } = storyListIndex(stories);
  const self = positionOf.get(story.id);
  const regions = new Set(story.data.regions);
  const touched: number[] = [];
  for (const tag of new Set(story.data.tags)) {
    for (const position of withTag.get(tag) ?? []) {
      if (scores[position] === 0) touched.push(position);
      scores[position] += 2;
    }
  }
  for (const position of touched) {
    marks[position] = 1;
    for (const region of regionsAt[position]!) if (regions.has(region)) scores[position] += 1;
  }
  let top = best(touched, scores, count, self);
  if (top.length < count || scores[top[count - 1]!]! <= regions.size) {
    for (const region of regions) {
      for (const position of withRegion.get(region) ?? []) {
        if (marks[position] === 1) continue;
        if (scores[position] === 0) touched.push(position);
        scores[position] += 1;
      }
    }
    top = best(touched, scores, count, self);
  }
  const related = top.map((position) => stories[position]!);
  for (const position of touched) {
    scores[position] = 0;
    marks[position] = 0;
  }
  return related;
}
