import { describe, expect, it } from 'vitest';
import { STORIES_PER_PART, partConcurrency, partMemoryBytes, storyPartCount } from '../../../scripts/astro-build/build-plan';

const GiB = 2 ** 30;

describe('how the site is built', () => {
  it('builds an archive of up to STORIES_PER_PART stories whole, and a larger one in parts of at most that many', () => {
    expect(storyPartCount(9, undefined)).toBe(1);
    expect(storyPartCount(STORIES_PER_PART, undefined)).toBe(1);
    expect(storyPartCount(STORIES_PER_PART + 1, undefined)).toBe(2);
    expect(storyPartCount(30_000, undefined)).toBe(Math.ceil(30_000 / STORIES_PER_PART));
  });

  it('takes HUIGONG_BUILD_PARTS as given, and refuses what is not a whole number of parts', () => {
    expect(storyPartCount(9, '3')).toBe(3);
    expect(storyPartCount(30_000, '1')).toBe(1);
    expect(storyPartCount(9, '')).toBe(1);
    for (const bad of ['0', '-2', '2.5', 'two', ' 2', '02']) expect(() => storyPartCount(9, bad), bad).toThrow(/HUIGONG_BUILD_PARTS=/);
  });

  it('plans the largest part’s memory above what was measured with every story MDX, for the shared part and for story parts', () => {
    const MiB = 2 ** 20;
    const at30k = partMemoryBytes(30_000, storyPartCount(30_000, undefined));
    // One story part of 13 at 30,000 stories (2,300 stories): 1,645 MiB; the shared part: 1,045 MiB.
    expect(at30k).toBeGreaterThan(1_645 * MiB);
    expect(at30k).toBeLessThan(2.5 * GiB);
    // Story parts of 3,750 stories (8 parts of 30,000): 2,065 MiB; of 1,500 (20 parts): 1,351 MiB.
    expect(partMemoryBytes(30_000, 8)).toBeGreaterThan(2_065 * MiB);
    expect(partMemoryBytes(30_000, 20)).toBeGreaterThan(1_351 * MiB);
    expect(partMemoryBytes(30_000, 3)).toBeGreaterThan(partMemoryBytes(30_000, 8));
    // Story parts of the same share (2,500): the shared part of a far larger archive outgrows them.
    expect(partMemoryBytes(300_000, 120)).toBeGreaterThan(partMemoryBytes(30_000, 12));
  });

  it('builds a part per core at once while the memory holds each part’s peak, and never none', () => {
    expect(partConcurrency(2, 16 * GiB, 3 * GiB)).toBe(2);
    expect(partConcurrency(8, 16 * GiB, 3 * GiB)).toBe(5);
    expect(partConcurrency(4, 2 * GiB, 3 * GiB)).toBe(1);
    expect(partConcurrency(1, 64 * GiB, 3 * GiB)).toBe(1);
  });
});
