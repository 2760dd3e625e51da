import type { PaginateFunction } from 'astro';
import { SITE } from '../config';
import { storiesWithTerm } from '../news/filter-stories';
import { FACETS, type Facet } from '../news/term-links';
import { publishedStories } from './stories';
import { buildPart } from './build-part';
import { makesListPages } from '../build/build-part';
import { loadVocabulary } from './vocabulary';

/** Paginated list pages for every term of a facet that has stories: /regions/sichuan/, /tags/…/2/. */
export async function facetStaticPaths(facet: Facet, paginate: PaginateFunction) {
  if (!makesListPages(buildPart)) return [];
  const stories = await publishedStories();
  return loadVocabulary()[facet].flatMap((term) => {
    const matching = storiesWithTerm(stories, facet, term.name);
    if (matching.length === 0) return [];
    return paginate(matching, {
      pageSize: SITE.pageSize,
      params: { slug: term.slug },
      props: { facetLabel: FACETS[facet].label, termName: term.name },
    });
  });
}

/** Every term of a facet with its story count, for the index pages (terms without stories left out). */
export async function facetTermCounts(facet: Facet) {
  const stories = await publishedStories();
  return loadVocabulary()
    [facet].map((term) => ({
      name: term.name,
      href: `${FACETS[facet].path}${term.slug}/`,
      count: storiesWithTerm(stories, facet, term.name).length,
    }))
    .filter((term) => term.count > 0);
}
