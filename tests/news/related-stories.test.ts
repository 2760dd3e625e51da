import { describe, expect, it } from 'vitest';
import { relatedStories } from '../../src/news/related-stories';
import { makeStory } from '../helpers/story';

describe('relatedStories', () => {
  const story = makeStory('self', { regions: ['四川'], tags: ['工会驿站', '户外劳动者'] });

  it('ranks shared tags above a shared region and leaves out unrelated stories', () => {
    const stories = [
      story,
      makeStory('same-region', { regions: ['四川'], tags: [] }),
      makeStory('two-tags', { regions: ['广东'], tags: ['工会驿站', '户外劳动者'] }),
      makeStory('unrelated', { regions: ['吉林'], tags: ['公益体检'] }),
      makeStory('one-tag', { regions: ['云南'], tags: ['工会驿站'] }),
    ];
    expect(relatedStories(story, stories, 5).map((s) => s.id)).toEqual(['two-tags', 'one-tag', 'same-region']);
  });

  it('never lists the story itself and stops at the count', () => {
    const stories = [story, makeStory('a', { tags: ['工会驿站'] }), makeStory('b', { tags: ['工会驿站'] })];
    expect(relatedStories(story, stories, 1).map((s) => s.id)).toEqual(['a']);
  });
});
