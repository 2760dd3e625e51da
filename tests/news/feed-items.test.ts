import { describe, expect, it } from 'vitest';
import { FEED_SIZE, feedItems } from '../../src/news/feed-items';
import { makeStory } from '../helpers/story';

describe('feedItems', () => {
  // Newest first, as publishedStories() gives them.
  const stories = Array.from({ length: FEED_SIZE + 25 }, (_, i) => ({
    ...makeStory(`s${i}`, { date: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000), tags: ['体检'] }),
    body: `第${i}篇的正文。`,
  }));

  it('carries the newest FEED_SIZE stories, not the whole archive', () => {
    const items = feedItems(stories);
    expect(items).toHaveLength(FEED_SIZE);
    expect(items[0]!.link).toBe('/news/s0/');
    expect(items.at(-1)!.link).toBe(`/news/s${FEED_SIZE - 1}/`);
  });

  it('keeps an archive smaller than the feed whole', () => {
    expect(feedItems(stories.slice(0, 3)).map((item) => item.link)).toEqual(['/news/s0/', '/news/s1/', '/news/s2/']);
  });

  it('describes an item by its reading hint, else the opening of its body, and files it under column and tags', () => {
    const [item] = feedItems([{ ...stories[0]!, data: { ...stories[0]!.data, publishAt: new Date('2026-01-02T01:00:00Z') } }]);
    expect(item).toMatchObject({ title: '标题 s0', pubDate: new Date('2026-01-02T01:00:00Z'), description: '第0篇的正文。', categories: ['要闻', '体检'] });
  });
});
