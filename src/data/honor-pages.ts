import { facetOptions, honoreesUnder, HONOR_FACETS, type HonorFacet } from '../honors/honor-facets';
import { loadHonorNames } from './honor-names';
import { rollHonorees } from './honors';
import { loadVocabulary } from './vocabulary';

/** The lists the roll's facets are drawn from. */
export function facetLists() {
  return { honorNames: loadHonorNames(), vocabulary: loadVocabulary() };
}

/** One static page per option someone holds: /honors/honor/<slug>/, /honors/level/national/, … */
export async function honorFacetStaticPaths(facet: HonorFacet) {
  const honorees = await rollHonorees();
  const lists = facetLists();
  return facetOptions(honorees, facet, lists).map((option) => ({
    params: { key: option.key },
    props: {
      facet,
      optionName: option.name,
      optionKey: option.key,
      matching: honoreesUnder(honorees, facet, option.key, lists.vocabulary),
      facetLabel: HONOR_FACETS[facet].label,
    },
  }));
}
