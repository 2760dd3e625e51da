import type { NewsData } from '../schemas/news-schema';

/** The part of a news entry the pure helpers need; Astro's CollectionEntry<'news'> satisfies it. */
export interface Story {
  id: string;
  data: NewsData;
}
