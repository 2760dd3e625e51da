import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../config';
import { publishedStories } from '../data/stories';
import { feedItems } from '../news/feed-items';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${SITE.title} 新闻`,
    description: SITE.description,
    site: site!,
    customData: '<language>zh-cn</language>',
    items: feedItems(await publishedStories()),
  });
