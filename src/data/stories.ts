import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished } from '../news/is-published';
import { sortStories } from '../news/sort-stories';
import { parseBuildTime } from '../build/build-time';
import { buildPart } from './build-part';
import { readListedStories } from './listed-stories';

export type NewsEntry = CollectionEntry<'news'>;

/**
 * The clock publishing decisions use: the build's start (publishing happens at build and deploy), or
 * HUIGONG_BUILD_TIME, which a build made in parts gives every part (src/build/build-time.ts).
 */
export const buildTime = parseBuildTime(process.env.HUIGONG_BUILD_TIME);

/**
 * Every story: those in the content store, and in a story part of a build made in parts, those it only
 * links to, without their bodies (src/data/listed-stories.ts).
 */
async function loadPublishedStories(): Promise<NewsEntry[]> {
  const preview = import.meta.env.DEV;
  const stored = await getCollection('news', (entry) => isPublished(entry, buildTime, { preview }));
  const listed = buildPart.kind === 'stories' ? (readListedStories() as NewsEntry[]).filter((entry) => isPublished(entry, buildTime)) : [];
  return sortStories([...stored, ...listed]);
}

let cached: Promise<NewsEntry[]> | undefined;

/**
 * Published stories, newest first. The dev server previews drafts and scheduled stories too, and reads
 * them afresh each time so an edit shows at once; a build loads and sorts them once (every story page
 * and house component asks: thousands of times at scale).
 */
export function publishedStories(): Promise<NewsEntry[]> {
  if (import.meta.env.DEV) return loadPublishedStories();
  cached ??= loadPublishedStories();
  return cached;
}

let cachedById: Promise<Map<string, NewsEntry>> | undefined;

/** Published stories by id, for linking a reference only when its story is live. */
export function publishedStoriesById(): Promise<Map<string, NewsEntry>> {
  const byId = async () => new Map((await publishedStories()).map((story) => [story.id, story]));
  if (import.meta.env.DEV) return byId();
  cachedById ??= byId();
  return cachedById;
}

/** Whether a story shows only because this is a preview (a draft, or scheduled for later). */
export function isPreviewOnly(entry: NewsEntry): boolean {
  return !isPublished(entry, buildTime);
}
