import { describe, expect, it } from 'vitest';
import { frontPage } from '../../src/news/front-page';
import { makeStory } from '../helpers/story';

describe('frontPage', () => {
  it('leads with the story marked lead and sorts the rest by kind', () => {
    const sorted = [
      makeStory('first'),
      makeStory('lead', { lead: true }),
      makeStory('brief', { kind: 'brief' }),
      makeStory('photo', { kind: 'photo', photoCredit: '新华社记者 某 摄' }),
    ];
    const page = frontPage(sorted);
    expect(page.lead?.id).toBe('lead');
    expect(page.stories.map((s) => s.id)).toEqual(['first']);
    expect(page.briefs.map((s) => s.id)).toEqual(['brief']);
    expect(page.photos.map((s) => s.id)).toEqual(['photo']);
  });

  it('falls back to the newest story and caps each section', () => {
    const sorted = ['a', 'b', 'c', 'd'].map((id) => makeStory(id));
    const page = frontPage(sorted, { stories: 2, briefs: 1, photos: 1 });
    expect(page.lead?.id).toBe('a');
    expect(page.stories.map((s) => s.id)).toEqual(['b', 'c']);
  });
});
