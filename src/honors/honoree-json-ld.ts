import type { Honoree } from './honoree';

/** 武汉地铁 + 2号线汉口火车站中心站站长, joined the way the story prints them; empty when neither is given. */
export function affiliation(honoree: Honoree): string {
  return `${honoree.data.employer ?? ''}${honoree.data.position ?? ''}`;
}

/**
 * schema.org data for an honoree's page: a Person (jobTitle, worksFor) or an Organization (part of its
 * unit), with the honors as `award`. Fields the story does not give are left out.
 */
export function honoreeJsonLd(honoree: Honoree, url: URL): Record<string, unknown> {
  const { data } = honoree;
  const employer = data.employer ? { '@type': 'Organization', name: data.employer } : undefined;
  const common = { '@context': 'https://schema.org', name: data.name, url: url.href, award: data.honors.map((honor) => honor.name) };
  const ld =
    data.kind === 'person'
      ? { ...common, '@type': 'Person', jobTitle: data.position, worksFor: employer }
      : { ...common, '@type': 'Organization', parentOrganization: employer };
  return Object.fromEntries(Object.entries(ld).filter(([, value]) => value !== undefined));
}
