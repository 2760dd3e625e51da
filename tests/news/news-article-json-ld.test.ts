import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd } from '../../src/news/news-article-json-ld';
import { makeStory } from '../helpers/story';

describe('newsArticleJsonLd', () => {
  it('describes the story as a NewsArticle with its authors', () => {
    const story = makeStory('s', {
      title: '惠工影院人气旺',
      byline: [{ role: '本报记者', names: ['杨明清', '张嫱'] }],
      tags: ['惠工影院'],
      regions: ['山东'],
    });
    const ld = newsArticleJsonLd(story, new URL('https://example.org/news/s/'));
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: '惠工影院人气旺',
      inLanguage: 'zh-CN',
      datePublished: '2023-09-14T00:00:00.000Z',
      url: 'https://example.org/news/s/',
      author: [
        { '@type': 'Person', name: '杨明清' },
        { '@type': 'Person', name: '张嫱' },
      ],
    });
  });
});
