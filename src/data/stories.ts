import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
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

let listed: Map<string, NewsEntry> | undefined;

/**
 * In a part of a build made in parts, the stories it lists or links to but keeps out of its content store,
 * published or not (src/data/listed-stories.ts), by id: every story in the shared part, with the opening
 * of its body its excerpt needs; in a story part, those other parts render, without bodies. In a whole
 * build, none.
 */
function listedStories(): Map<string, NewsEntry> {
  if (buildPart.kind === 'whole') return new Map();
  listed ??= new Map((readListedStories() as NewsEntry[]).map((story) => [story.id, story]));
  return listed;
}

/** Every story: those in the content store, and those this part only lists. */
async function loadPublishedStories(): Promise<NewsEntry[]> {
  const preview = import.meta.env.DEV;
  const stored = await getCollection('news', (entry) => isPublished(entry, buildTime, { preview }));
  return sortStories([...stored, ...[...listedStories().values()].filter((entry) => isPublished(entry, buildTime))]);
}

/**
 * A story by id, published or not (a house component names its title, or says the id is wrong), from the
 * content store or from the stories a part only lists: getEntry alone finds no story another part renders.
 */
export async function storyById(id: string): Promise<NewsEntry | undefined> {
  return (await getEntry('news', id)) ?? listedStories().get(id);
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
