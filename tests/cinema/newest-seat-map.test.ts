import { describe, expect, it } from 'vitest';
import { newestSeatMap } from '../../src/cinema/newest-seat-map';

describe('newestSeatMap', () => {
  const v7 = { version: 7, statuses: 'ttf' };
  const v8 = { version: 8, statuses: 'ttt' };

  it('takes a newer poll, and the first one', () => {
    expect(newestSeatMap(v7, v8)).toBe(v8);
    expect(newestSeatMap(undefined, v7)).toBe(v7);
  });

  it('keeps the map shown when a poll answers with an older one (another Worker, another cache)', () => {
    expect(newestSeatMap(v8, v7)).toBe(v8);
  });
});
