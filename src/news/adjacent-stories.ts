import type { Story } from './story';
import { storyListIndex } from './story-list-index';

/** The newer and older neighbours of a story in a sorted list (newest first). */
export function adjacentStories<T extends Story>(story: Story, sorted: readonly T[]): { newer?: T; older?: T } {
  const index = storyListIndex(sorted).positionOf.get(story.id);
  if (index === undefined) return {};
  return { newer: sorted[index - 1], older: sorted[index + 1] };
}
