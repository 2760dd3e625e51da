import { describe, expect, it } from 'vitest';
import { buildPartName, buildParts, checksStory, makesListPages, parseBuildPart, rendersStory, storyKeeping, storyPartIndex } from '../../src/build/build-part';

const ids = Array.from({ length: 6_000 }, (_, i) => `2026-${String((i % 12) + 1).padStart(2, '0')}-story-${i}`);

describe('the parts of a build', () => {
  it('builds a small archive whole, and a large one as the shared part and each story part', () => {
    expect(buildParts(1).map(buildPartName)).toEqual(['whole']);
    expect(buildParts(3).map(buildPartName)).toEqual(['shared', 'stories-1-of-3', 'stories-2-of-3', 'stories-3-of-3']);
  });

  it('reads back every name it gives, and unset as whole', () => {
    for (const part of buildParts(4)) expect(parseBuildPart(buildPartName(part))).toEqual(part);
    expect(parseBuildPart(undefined)).toEqual({ kind: 'whole' });
    expect(parseBuildPart('')).toEqual({ kind: 'whole' });
  });

  it('refuses a name it does not know, rather than building some other share of the site', () => {
    for (const bad of ['stories-0-of-3', 'stories-4-of-3', 'stories-1-of-0', 'stories-1', 'Shared', 'stories-01-of-3', ' shared']) {
      expect(() => parseBuildPart(bad), bad).toThrow(/HUIGONG_BUILD_PART/);
    }
  });

  it('has exactly one story part render each story, and the shared part none', () => {
    const parts = buildParts(5);
    for (const id of ids.slice(0, 500)) {
      expect(parts.filter((part) => rendersStory(part, id)), id).toHaveLength(1);
      expect(rendersStory(parts[0]!, id)).toBe(false);
    }
    expect(ids.every((id) => rendersStory({ kind: 'whole' }, id))).toBe(true);
  });

  it('keeps a story in its part from build to build, whatever else is in the archive', () => {
    const first = ids.map((id) => storyPartIndex(id, 6));
    expect([...ids].reverse().map((id) => storyPartIndex(id, 6)).reverse()).toEqual(first);
    expect(storyPartIndex('劳模风采-2026', 6)).toBe(storyPartIndex('劳模风采-2026', 6));
  });

  it('shares the stories out evenly, within 8 % of an equal share (3 standard deviations at 6,000 stories in 6 parts)', () => {
    for (const count of [2, 3, 6, 14]) {
      const sizes = Array.from({ length: count }, () => 0);
      for (const id of ids) sizes[storyPartIndex(id, count)]!++;
      for (const size of sizes) expect(Math.abs(size / (ids.length / count) - 1), `${count} parts: ${sizes}`).toBeLessThan(0.08);
    }
  });

  it('checks every story’s written dates in the shared part (and the whole build), and each story part its own', () => {
    const [shared, ...storyParts] = buildParts(4);
    for (const id of ids.slice(0, 200)) {
      expect(checksStory(shared!, id)).toBe(true);
      expect(checksStory({ kind: 'whole' }, id)).toBe(true);
      expect(storyParts.filter((part) => checksStory(part, id))).toEqual(storyParts.filter((part) => rendersStory(part, id)));
    }
  });

  it('keeps whole the stories a part renders; the shared part keeps the rest’s excerpts, a story part only their data', () => {
    const [shared, ...storyParts] = buildParts(4);
    for (const id of ids.slice(0, 200)) {
      expect(storyKeeping({ kind: 'whole' }, id)).toBe('whole');
      expect(storyKeeping(shared!, id)).toBe('excerpt');
      for (const part of storyParts) expect(storyKeeping(part, id)).toBe(rendersStory(part, id) ? 'whole' : 'listed');
    }
  });

  it('makes the lists that grow with the archive once, in the shared part (or the whole build)', () => {
    expect(buildParts(3).map(makesListPages)).toEqual([true, false, false, false]);
    expect(makesListPages({ kind: 'whole' })).toBe(true);
  });
});
