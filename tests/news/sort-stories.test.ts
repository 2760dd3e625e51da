import { describe, expect, it } from 'vitest';
import { sortStories } from '../../src/news/sort-stories';
import { makeStory } from '../helpers/story';

describe('sortStories', () => {
  it('puts newer stories first, then page order within a date, then id', () => {
    const stories = [
      makeStory('b', { order: 2 }),
      makeStory('old', { date: new Date('2023-09-01'), order: 1 }),
      makeStory('c', { order: 1 }),
      makeStory('a', { order: 2 }),
      makeStory('new', { date: new Date('2023-10-01') }),
    ];
    expect(sortStories(stories).map((s) => s.id)).toEqual(['new', 'c', 'a', 'b', 'old']);
  });

  it('leaves its input untouched', () => {
    const stories = [makeStory('b'), makeStory('a')];
    sortStories(stories);
    expect(stories.map((s) => s.id)).toEqual(['b', 'a']);
  });
});
