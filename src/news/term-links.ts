import type { Term, Vocabulary } from '../schemas/vocabulary-schema';

/** The three browsable facets of a story and the URL prefix of each facet's list pages. */
export const FACETS = {
  regions: { path: '/regions/', label: '地区' },
  columns: { path: '/columns/', label: '栏目' },
  tags: { path: '/tags/', label: '标签' },
} as const;

export type Facet = keyof typeof FACETS;

export interface TermLink {
  name: string;
  href: string;
}

/** The list-page link of a vocabulary term by name; the schema guarantees the name exists. */
export function termLink(vocabulary: Vocabulary, facet: Facet, name: string): TermLink {
  const term = vocabulary[facet].find((candidate: Term) => candidate.name === name);
  if (!term) throw new Error(`“${name}”不在受控词表的 ${facet} 中`);
  return { name, href: `${FACETS[facet].path}${term.slug}/` };
}
