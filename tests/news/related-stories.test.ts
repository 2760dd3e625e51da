import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjacentStories } from '../../src/news/adjacent-stories';
import { RELATED_WINDOW, relatedStories } from '../../src/news/related-stories';
import type { Story } from '../../src/news/story';
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

/** The ranking as specified, by brute force (for lists shorter than the window): score every other story, then sort by score, nearness, newness. */
function rankedByBruteForce(story: Story, stories: readonly Story[], count: number): string[] {
  const tags = new Set(story.data.tags);
  const regions = new Set(story.data.regions);
  const self = stories.indexOf(story);
  return stories
    .map((other, position) => ({ id: other.id, distance: Math.abs(position - self), position, score: [...new Set(other.data.tags)].filter((t) => tags.has(t)).length * 2 + [...new Set(other.data.regions)].filter((r) => regions.has(r)).length }))
    .filter(({ id, score }) => id !== story.id && score > 0)
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.position - b.position)
    .slice(0, count)
    .map(({ id }) => id);
}

/** Stories whose `data` counts how often it is read. */
function countingReads(stories: Story[]): { stories: Story[]; reads: () => number } {
  let reads = 0;
  const counted = stories.map((story) => {
    const { data } = story;
    return {
      id: story.id,
      get data() {
        reads++;
        return data;
      },
    };
  });
  return { stories: counted, reads: () => reads };
}

describe('relatedStories at archive scale', () => {
  const term = (prefix: string, n: number) => fc.array(fc.integer({ min: 0, max: n - 1 }).map((i) => `${prefix}${i}`), { maxLength: 3 });

  it('ranks as scoring every story would (shared tag 2, shared region 1, a term listed twice once, ties to the nearer, then the newer story)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ tags: term('t', 5), regions: term('r', 3) }), { minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 5 }), (terms, pick, count) => {
        const stories = terms.map((t, i) => makeStory(`s${i}`, t));
        const story = stories[pick % stories.length]!;
        expect(relatedStories(story, stories, count).map((s) => s.id)).toEqual(rankedByBruteForce(story, stories, count));
      }),
      { numRuns: 500 },
    );
  });

  it('takes related stories from around the story’s time: a closer match further than the window does not count', () => {
    const far = RELATED_WINDOW + 5;
    const stories = Array.from({ length: far * 2 }, (_, i) => makeStory(`s${i}`, { tags: i === 0 ? ['a', 'b'] : ['a'] }));
    const story = stories[far]!;
    story.data.tags = ['a', 'b'];
    // s0 shares both tags but is `far` stories away; the nearest stories sharing one tag come first.
    expect(relatedStories(story, stories, 3).map((s) => s.id)).toEqual([`s${far - 1}`, `s${far + 1}`, `s${far - 2}`]);
    expect(relatedStories(stories[1]!, stories, 1).map((s) => s.id)).toEqual(['s0']);
  });

  it('reads the list once per build, not once per story page (30,000 pages read 30,000 stories each otherwise)', () => {
    const { stories, reads } = countingReads(Array.from({ length: 300 }, (_, i) => makeStory(`s${i}`, { tags: [`t${i % 7}`], regions: [`r${i % 3}`] })));
    for (const story of stories) relatedStories(story, stories, 3);
    // Each story's terms once for the index, and the page's own story once per call; not 300 × 300.
    expect(reads()).toBeLessThanOrEqual(stories.length * 4);
  });
});

describe('adjacentStories at archive scale', () => {
  it('finds neighbours without scanning the list for every story page', () => {
    let reads = 0;
    const stories = Array.from({ length: 300 }, (_, i) => {
      const story = makeStory(`s${i}`);
      return {
        data: story.data,
        get id() {
          reads++;
          return story.id;
        },
      };
    });
    for (const story of stories) adjacentStories(story, stories);
    expect(adjacentStories(stories[5]!, stories).older).toBe(stories[6]);
    expect(reads).toBeLessThanOrEqual(stories.length * 4);
  });
});
