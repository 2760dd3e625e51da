import type { RSSFeedItem } from '@astrojs/rss';
import { excerpt } from './excerpt';
import type { Story } from './story';

/**
 * How many stories the RSS feed carries: the newest. Readers poll for what is new; at 5–20 stories a
 * day, 50 covers days of them. The whole archive would make /rss.xml grow with every story ever
 * published (tens of MB at 30,000) and be rebuilt in full on each build.
 */
export const FEED_SIZE = 50;

/** The feed's items from the published stories, newest first (as publishedStories() gives them). */
export function feedItems(stories: readonly (Story & { body?: string })[]): RSSFeedItem[] {
  return stories.slice(0, FEED_SIZE).map((story) => ({
    title: story.data.title,
    link: `/news/${story.id}/`,
    pubDate: story.data.publishAt ?? story.data.date,
    description: story.data.readingHint ?? excerpt(story.body ?? '', 200),
    categories: [story.data.column, ...story.data.tags],
  }));
}
