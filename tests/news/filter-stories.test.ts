import { describe, expect, it } from 'vitest';
import { storiesWithTerm } from '../../src/news/filter-stories';
import { makeStory } from '../helpers/story';

describe('storiesWithTerm', () => {
  const stories = [
    makeStory('a', { regions: ['云南', '境外'], column: '服务职工', tags: ['工会驿站'] }),
    makeStory('b', { regions: ['广东'], column: '服务职工', tags: ['暖蜂驿站', '工会驿站'] }),
    makeStory('c', { regions: ['四川'], column: '要闻', tags: [] }),
  ];
  const ids = (facet: 'regions' | 'columns' | 'tags', name: string) =>
    storiesWithTerm(stories, facet, name).map((s) => s.id);

  it('filters by region, column and tag', () => {
    expect(ids('regions', '境外')).toEqual(['a']);
    expect(ids('columns', '服务职工')).toEqual(['a', 'b']);
    expect(ids('tags', '工会驿站')).toEqual(['a', 'b']);
    expect(ids('tags', '公益体检')).toEqual([]);
  });
});
