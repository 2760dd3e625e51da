import { describe, expect, it } from 'vitest';
import { archiveMonths } from '../../src/news/archive-months';
import { makeStory } from '../helpers/story';

describe('archiveMonths', () => {
  it('groups stories by Shanghai month, newest month first', () => {
    const stories = [
      makeStory('oct', { date: new Date('2023-10-02T00:00:00Z') }),
      // 2023-08-31T20:00Z is already September in Shanghai.
      makeStory('sep-late', { date: new Date('2023-08-31T20:00:00Z') }),
      makeStory('sep', { date: new Date('2023-09-14T00:00:00Z') }),
    ];
    const months = archiveMonths(stories);
    expect(months.map((m) => [m.key, m.stories.map((s) => s.id)])).toEqual([
      ['2023-10', ['oct']],
      ['2023-09', ['sep-late', 'sep']],
    ]);
    expect(months[1]).toMatchObject({ year: 2023, month: 9 });
  });
});
