import type { Story } from './story';
import { storyListIndex } from './story-list-index';

/**
 * How many stories on each side of a story, in each of its tags' and regions' lists, may be related to it:
 * related stories come from around its time (the follow-ups of the same event, not the newest stories on
 * the topic), and a page's cost does not grow with the archive (issue 16: scoring every story sharing a
 * tag made the build quadratic, ~1 minute of 30,000 stories' render phase).
 */
export const RELATED_WINDOW = 300;

/** The positions of `positions` (ascending) within RELATED_WINDOW places of where `self` is or would be. */
function around(positions: readonly number[], self: number): readonly number[] {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! < self) low = middle + 1;
    else high = middle;
  }
  return positions.slice(Math.max(0, low - RELATED_WINDOW), low + RELATED_WINDOW + 1);
}

/** The `count` best of `positions`: higher score first; among equal scores the nearer in time, then the newer story. */
function best(positions: readonly number[], scores: Int32Array, count: number, self: number): number[] {
  const distance = (position: number) => Math.abs(position - self);
  const ranksBefore = (a: number, b: number) =>
    scores[a]! > scores[b]! || (scores[a] === scores[b] && (distance(a) < distance(b) || (distance(a) === distance(b) && a < b)));
  const top: number[] = [];
  for (const position of positions) {
    if (position === self || (top.length === count && !ranksBefore(position, top[count - 1]!))) continue;
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
 * `stories` must already be sorted newest first.
 *
 * Only stories within RELATED_WINDOW places of `story` in a tag's or region's list are candidates. Those
 * sharing a tag are scored through the list's index (built once per list), and those sharing only a
 * region (a province holds a tenth of the archive) only when they could still rank: they score at most
 * one point per region of `story`.
 */
export function relatedStories<T extends Story>(story: Story, stories: readonly T[], count: number): T[] {
  const { positionOf, withTag, withRegion, regionsAt, scores, marks } = storyListIndex(stories);
  // A story not in the list (a preview) is placed as the newest.
  const self = positionOf.get(story.id) ?? -1;
  const regions = new Set(story.data.regions);
  const touched: number[] = [];
  for (const tag of new Set(story.data.tags)) {
    for (const position of around(withTag.get(tag) ?? [], self)) {
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
      for (const position of around(withRegion.get(region) ?? [], self)) {
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
