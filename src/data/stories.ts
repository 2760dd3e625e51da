import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished } from '../news/is-published';
import { sortStories } from '../news/sort-stories';

export type NewsEntry = CollectionEntry<'news'>;

/** The clock publishing decisions use: the build's start (publishing happens at build and deploy). */
export const buildTime = new Date();

/** Published stories, newest first. The dev server previews drafts and scheduled stories too. */
export async function publishedStories(): Promise<NewsEntry[]> {
  const preview = import.meta.env.DEV;
  const entries = await getCollection('news', (entry) => isPublished(entry, buildTime, { preview }));
  return sortStories(entries);
}

/** Whether a story shows only because this is a preview (a draft, or scheduled for later). */
export function isPreviewOnly(entry: NewsEntry): boolean {
  return !isPublished(entry, buildTime);
}
