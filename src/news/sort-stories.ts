import type { Story } from './story';

/** Newest first; stories of the same date in page order (版面顺序), then by id for a stable result. */
export function compareStories(a: Story, b: Story): number {
  return (
    b.data.date.getTime() - a.data.date.getTime() ||
    a.data.order - b.data.order ||
    a.id.localeCompare(b.id)
  );
}

export function sortStories<T extends Story>(stories: readonly T[]): T[] {
  return [...stories].sort(compareStories);
}
