import { getCollection, type CollectionEntry } from 'astro:content';
import { honoreeIdProblems, withPublishedStories } from '../honors/check-honorees';
import { sortHonorees } from '../honors/sort-honorees';
import { publishedStories, publishedStoriesById } from './stories';

export type HonoreeEntry = CollectionEntry<'honors'>;
export type HonorTotalEntry = CollectionEntry<'honorTotals'>;

let cached: Promise<HonoreeEntry[]> | undefined;

async function loadRoll(): Promise<HonoreeEntry[]> {
  const entries = await getCollection('honors');
  const problems = honoreeIdProblems(entries);
  if (problems.length > 0) throw new Error(`光荣榜文件名有误：\n${problems.join('\n')}`);
  // Production shows an honoree once a story naming them is published; previews show everyone.
  if (import.meta.env.DEV) return sortHonorees(entries);
  const published = new Set((await publishedStories()).map((story) => story.id));
  return sortHonorees(withPublishedStories(entries, published));
}

/** Everyone on the roll, highest honor first, then in pinyin order. */
export function rollHonorees(): Promise<HonoreeEntry[]> {
  cached ??= loadRoll();
  return cached;
}

/** The aggregate figures (四川: 大国工匠 4人 …), whose source stories are published. */
export async function honorTotals(): Promise<HonorTotalEntry[]> {
  const published = await publishedStoriesById();
  const totals = await getCollection('honorTotals');
  return totals.filter((total) => import.meta.env.DEV || published.has(total.data.sourceStory.id)).sort((a, b) => a.id.localeCompare(b.id));
}
