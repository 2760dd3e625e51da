import { SITE } from '../config';
import { creditedNames } from './byline';
import type { Story } from './story';

/** schema.org NewsArticle for a story page, so search engines read headline, date and authors. */
export function newsArticleJsonLd(story: Story, url: URL): Record<string, unknown> {
  const { data } = story;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    ...(data.subtitle ? { alternativeHeadline: data.subtitle } : {}),
    ...(data.readingHint ? { description: data.readingHint } : {}),
    datePublished: (data.publishAt ?? data.date).toISOString(),
    inLanguage: SITE.lang,
    mainEntityOfPage: url.href,
    url: url.href,
    author: creditedNames(data.byline).map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: SITE.title },
    articleSection: data.column,
    keywords: [...data.regions, ...data.tags].join(','),
  };
}
