import type { Story } from './story';

export interface FrontPage<T> {
  lead?: T;
  stories: T[];
  briefs: T[];
  photos: T[];
}

export interface FrontPageLimits {
  stories: number;
  briefs: number;
  photos: number;
}

export const FRONT_PAGE_LIMITS: FrontPageLimits = { stories: 8, briefs: 6, photos: 4 };

/**
 * Lays out the front page from sorted stories: the newest story marked `lead` (or else the newest
 * story) leads, then the latest stories, briefs and photo stories, each capped.
 */
export function frontPage<T extends Story>(sorted: readonly T[], limits: FrontPageLimits = FRONT_PAGE_LIMITS): FrontPage<T> {
  const lead = sorted.find((story) => story.data.lead && story.data.kind === 'story') ??
    sorted.find((story) => story.data.kind === 'story');
  const rest = sorted.filter((story) => story !== lead);
  const ofKind = (kind: Story['data']['kind'], limit: number) =>
    rest.filter((story) => story.data.kind === kind).slice(0, limit);
  return {
    lead,
    stories: ofKind('story', limits.stories),
    briefs: ofKind('brief', limits.briefs),
    photos: ofKind('photo', limits.photos),
  };
}
