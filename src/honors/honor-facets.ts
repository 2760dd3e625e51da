import type { HonorNames } from '../schemas/honor-schema';
import type { Vocabulary } from '../schemas/vocabulary-schema';
import type { Honoree } from './honoree';
import { HONOR_LEVELS, HONOR_LEVEL_LABELS } from './levels';

/** The roll's four filters and the URL prefix of each filter's static pages. */
export const HONOR_FACETS = {
  honor: { label: '荣誉', path: '/honors/honor/' },
  level: { label: '级别', path: '/honors/level/' },
  region: { label: '地区', path: '/honors/region/' },
  year: { label: '年份', path: '/honors/year/' },
} as const;

export type HonorFacet = keyof typeof HONOR_FACETS;

export interface FacetOption {
  /** The URL segment: an honor slug, a level, a region slug or a year. */
  key: string;
  /** How the option reads: 全国劳动模范, 全国, 湖北, 2020年. */
  name: string;
  href: string;
  count: number;
}

export interface FacetLists {
  honorNames: HonorNames;
  vocabulary: Vocabulary;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The keys an honoree is filed under in a facet; one honoree with two national honors counts once. */
export function facetKeys(honoree: Honoree, facet: HonorFacet, vocabulary: Vocabulary): string[] {
  const { honors, regions } = honoree.data;
  switch (facet) {
    case 'honor':
      return unique(honors.map((honor) => honor.slug));
    case 'level':
      return unique(honors.map((honor) => honor.level));
    case 'region':
      return unique(
        regions.map((name) => {
          const term = vocabulary.regions.find((region) => region.name === name);
          if (!term) throw new Error(`“${name}”不在受控词表的地区中`);
          return term.slug;
        }),
      );
    case 'year':
      return unique(honors.flatMap((honor) => (honor.year === undefined ? [] : [String(honor.year)])));
  }
}

/** The honorees filed under one option of a facet, in the order given. */
export function honoreesUnder<T extends Honoree>(honorees: readonly T[], facet: HonorFacet, key: string, vocabulary: Vocabulary): T[] {
  return honorees.filter((honoree) => facetKeys(honoree, facet, vocabulary).includes(key));
}

/**
 * A facet's options in reading order with their counts. Honors follow content/honor-names.yaml, levels
 * their scale, regions the vocabulary, years run newest first. Only options someone holds are listed: a
 * chip reading 市级（0） leads nowhere (and has no page).
 */
export function facetOptions(honorees: readonly Honoree[], facet: HonorFacet, lists: FacetLists): FacetOption[] {
  const counts = new Map<string, number>();
  for (const honoree of honorees) {
    for (const key of facetKeys(honoree, facet, lists.vocabulary)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return facetNames(facet, counts, lists)
    .map(([key, name]) => ({ key, name, href: `${HONOR_FACETS[facet].path}${key}/`, count: counts.get(key) ?? 0 }))
    .filter((option) => option.count > 0);
}

/** Every [key, name] a facet can offer, in reading order. */
function facetNames(facet: HonorFacet, counts: Map<string, number>, { honorNames, vocabulary }: FacetLists): [string, string][] {
  switch (facet) {
    case 'honor':
      return honorNames.honors.map((honor) => [honor.slug, honor.name]);
    case 'level':
      return HONOR_LEVELS.map((level) => [level, HONOR_LEVEL_LABELS[level]]);
    case 'region':
      return vocabulary.regions.map((region) => [region.slug, region.name]);
    case 'year':
      return [...counts.keys()].sort((a, b) => Number(b) - Number(a)).map((year) => [year, `${year}年`]);
  }
}
