import { getCollection, type CollectionEntry } from 'astro:content';

export type ProgramEntry = CollectionEntry<'programs'>;

/** Every program page in the index's order. */
export async function allPrograms(): Promise<ProgramEntry[]> {
  const programs = await getCollection('programs');
  return programs.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
