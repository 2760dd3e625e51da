import { SITE } from '../config.ts';
import { withPublishedStories } from '../honors/check-honorees.ts';
import { facetOptions, HONOR_FACETS, type HonorFacet } from '../honors/honor-facets.ts';
import type { Honoree } from '../honors/honoree.ts';
import { archiveMonths } from '../news/archive-months.ts';
import { storiesWithTerm } from '../news/filter-stories.ts';
import { sortStories } from '../news/sort-stories.ts';
import type { Story } from '../news/story.ts';
import { FACETS, type Facet } from '../news/term-links.ts';
import type { HonorNames } from '../schemas/honor-schema.ts';
import type { StationDistricts } from '../schemas/station-schema.ts';
import type { Vocabulary } from '../schemas/vocabulary-schema.ts';
import { districtOptions, starOptions, STATIONS_PATH, type Station } from '../stations/station-facets.ts';

export interface SiteContent {
  stories: readonly Story[];
  honorees: readonly Honoree[];
  programIds: readonly string[];
  stations: readonly Station[];
  vocabulary: Vocabulary;
  honorNames: HonorNames;
  districts: StationDistricts;
}

/** Pages that exist whatever the content. */
const FIXED_PATHS = [
  '/',
  '/news/',
  '/archive/',
  '/regions/',
  '/columns/',
  '/tags/',
  '/honors/',
  '/programs/',
  STATIONS_PATH,
  '/cinema/',
  '/cinema/checkin/',
  '/search/',
  '/rss.xml',
  '/sitemap-index.xml',
  '/robots.txt',
];

/**
 * Every page a production build makes from this content, as the pages' getStaticPaths make them: story
 * pages, list pages only for terms that have stories (with their numbered pages), archive months, honorees
 * whose stories are out and the roll's filter pages, programs and the station directory's filter pages.
 * Stories count once they are not drafts (a scheduled story is live after its time).
 */
export function sitePaths({ stories, honorees, programIds, stations, vocabulary, honorNames, districts }: SiteContent): Set<string> {
  const paths = new Set(FIXED_PATHS);
  const paginated = (base: string, count: number) => {
    paths.add(base);
    for (let page = 2; page <= Math.ceil(count / SITE.pageSize); page += 1) paths.add(`${base}${page}/`);
  };
  const published = sortStories(stories.filter((story) => !story.data.draft));
  paginated('/news/', published.length);
  for (const story of published) paths.add(`/news/${story.id}/`);
  for (const facet of Object.keys(FACETS) as Facet[]) {
    for (const term of vocabulary[facet]) {
      const count = storiesWithTerm(published, facet, term.name).length;
      if (count > 0) paginated(`${FACETS[facet].path}${term.slug}/`, count);
    }
  }
  for (const month of archiveMonths(published)) paths.add(`/archive/${month.key}/`);

  const roll = withPublishedStories(honorees, new Set(published.map((story) => story.id)));
  for (const honoree of roll) paths.add(`/honors/${honoree.id}/`);
  for (const facet of Object.keys(HONOR_FACETS) as HonorFacet[]) {
    for (const option of facetOptions(roll, facet, { honorNames, vocabulary })) if (option.count > 0) paths.add(option.href);
  }

  for (const id of programIds) paths.add(`/programs/${id}/`);
  for (const option of [...districtOptions(stations, districts), ...starOptions(stations)]) paths.add(option.href);
  return paths;
}
