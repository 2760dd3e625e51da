import { describe, expect, it } from 'vitest';
import { adjacentStories } from '../../src/news/adjacent-stories';
import { makeStory } from '../helpers/story';

describe('adjacentStories', () => {
  const sorted = [makeStory('newest'), makeStory('middle'), makeStory('oldest')];

  it('finds the newer and older neighbours', () => {
    const { newer, older } = adjacentStories(sorted[1]!, sorted);
    expect([newer?.id, older?.id]).toEqual(['newest', 'oldest']);
  });

  it('has no newer story at the head and no older one at the tail', () => {
    expect(adjacentStories(sorted[0]!, sorted).newer).toBeUndefined();
    expect(adjacentStories(sorted[2]!, sorted).older).toBeUndefined();
  });
});
