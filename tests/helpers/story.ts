import type { NewsData } from '../../src/schemas/news-schema';
import type { Story } from '../../src/news/story';

/** A valid story with sensible defaults; tests override only what they are about. */
export function makeStory(id: string, data: Partial<NewsData> = {}): Story {
  return {
    id,
    data: {
      title: `标题 ${id}`,
      kind: 'story',
      byline: [],
      date: new Date('2023-09-14T00:00:00Z'),
      regions: ['四川'],
      column: '要闻',
      tags: [],
      lead: false,
      order: 100,
      draft: false,
      ...data,
    },
  };
}
