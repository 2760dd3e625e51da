import type { Facet } from './term-links';
import type { Story } from './story';

/** The stories filed under one region, column or tag. */
export function storiesWithTerm<T extends Story>(stories: readonly T[], facet: Facet, name: string): T[] {
  return stories.filter((story) => {
    if (facet === 'columns') return story.data.column === name;
    return story.data[facet].includes(name);
  });
}
