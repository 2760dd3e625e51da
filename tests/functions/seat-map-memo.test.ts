import { describe, expect, it } from 'vitest';
import { SeatMapMemo } from '../../functions/seat-map-memo';

describe('SeatMapMemo', () => {
  it('shares one read between the requests of a second, per screening', async () => {
    const memo = new SeatMapMemo(1_000);
    let reads = 0;
    const read = async () => `map ${++reads}`;
    const answers = await Promise.all([memo.get('a', read, 0), memo.get('a', read, 10), memo.get('a', read, 999)]);
    expect(answers).toEqual(['map 1', 'map 1', 'map 1']);
    expect(await memo.get('b', read, 10)).toBe('map 2');
    expect(await memo.get('a', read, 1_000)).toBe('map 3');
  });

  it('does not keep a failed read', async () => {
    const memo = new SeatMapMemo(1_000);
    await expect(memo.get('a', () => Promise.reject(new Error('KV down')), 0)).rejects.toThrow('KV down');
    expect(await memo.get('a', async () => 'map', 1)).toBe('map');
  });
});
