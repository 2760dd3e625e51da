import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/news/is-published';
import { makeStory } from '../helpers/story';

const now = new Date('2026-11-28T12:00:00+08:00');

describe('isPublished', () => {
  it('publishes a story that is neither a draft nor scheduled', () => {
    expect(isPublished(makeStory('a'), now)).toBe(true);
  });

  it('keeps drafts out of the site', () => {
    expect(isPublished(makeStory('a', { draft: true }), now)).toBe(false);
  });

  it('keeps a scheduled story out until its time, and publishes it at that instant', () => {
    const story = makeStory('a', { publishAt: new Date('2026-11-28T12:00:00.001+08:00') });
    expect(isPublished(story, now)).toBe(false);
    expect(isPublished(story, new Date('2026-11-28T12:00:00.001+08:00'))).toBe(true);
  });

  it('shows drafts and scheduled stories in preview', () => {
    expect(isPublished(makeStory('a', { draft: true }), now, { preview: true })).toBe(true);
    expect(isPublished(makeStory('b', { publishAt: new Date('2099-01-01') }), now, { preview: true })).toBe(true);
  });
});
