import type { Story } from './story';

/** The newer and older neighbours of a story in a sorted list (newest first). */
export function adjacentStories<T extends Story>(story: Story, sorted: readonly T[]): { newer?: T; older?: T } {
  const index = sorted.findIndex((other) => other.id === story.id);
  if (index === -1) return {};
  return { newer: sorted[index - 1], older: sorted[index + 1] };
}
