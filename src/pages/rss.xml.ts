import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE } from '../config';
import { publishedStories } from '../data/stories';
import { excerpt } from '../news/excerpt';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${SITE.title} 新闻`,
    description: SITE.description,
    site: site!,
    customData: '<language>zh-cn</language>',
    items: (await publishedStories()).map((story) => ({
      title: story.data.title,
      link: `/news/${story.id}/`,
      pubDate: story.data.publishAt ?? story.data.date,
      description: story.data.readingHint ?? excerpt(story.body ?? '', 200),
      categories: [story.data.column, ...story.data.tags],
    })),
  });
