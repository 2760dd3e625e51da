import { describe, expect, it } from 'vitest';
import { planShards, SITE_SHARD } from '../../src/search/shard-plan';
import type { IndexDocument } from '../../src/search/index-document';

const story = (n: number, date: string): IndexDocument => ({ url: `/news/s${String(n).padStart(3, '0')}/`, html: `<p>${n}</p>`, date });
const stories = (count: number, year: number) => Array.from({ length: count }, (_, i) => story(year * 1000 + i, `${year}-0${1 + (i % 9)}-1${i % 10}`));
const programs: IndexDocument[] = [{ url: '/programs/a/', html: '<p>a</p>' }];

describe('planShards', () => {
  it('puts undated pages in the site shard first, then the stories in date order across years, newest shard first, in shards of bounded size', () => {
    const shards = planShards([...programs, ...stories(3, 2024), ...stories(5, 2023)], 3, 'v1');
    expect(shards.map((s) => [s.key, s.pages.length])).toEqual([
      [SITE_SHARD, 1],
      ['3', 2],
      ['2', 3],
      ['1', 3],
    ]);
    // Shard 2 holds the last two stories of 2023 and the first of 2024: a shard spans the new year.
    expect(shards[2]!.pages.map((p) => p.date!.slice(0, 4))).toEqual(['2023', '2023', '2024']);
    expect(shards[1]!.pages.every((p) => p.date!.startsWith('2024'))).toBe(true);
  });

  it('changes only the newest shard’s fingerprint when a story is published today', () => {
    const before = planShards([...programs, ...stories(7, 2023)], 3, 'v1');
    const after = planShards([...programs, ...stories(7, 2023), story(9999, '2023-12-31')], 3, 'v1');
    const changed = after.filter((shard, i) => shard.fingerprint !== before.find((b) => b.key === shard.key)?.fingerprint || !before[i]);
    expect(changed.map((s) => s.key)).toEqual(['3']);
  });

  it('changes every fingerprint with the indexer’s version', () => {
    const a = planShards([...programs, ...stories(4, 2023)], 3, 'v1');
    const b = planShards([...programs, ...stories(4, 2023)], 3, 'v2');
    expect(a.every((shard, i) => shard.fingerprint !== b[i]!.fingerprint)).toBe(true);
  });
});
