import { describe, expect, inject, it } from 'vitest';
import { distDir, htmlFiles, pathOf, readPage } from '../helpers/dist';

// The test server's search holds the build: startDevServer reindexes dist/ into its own local D1.
const baseURL = inject('baseURL');

describe('the test server’s search', () => {
  it('finds every story of the build by its title', async () => {
    const dist = distDir();
    const stories = htmlFiles(dist)
      .filter((file) => /^news\/[^/]+\/index\.html$/.test(file))
      .map((file) => ({ url: pathOf(file), title: readPage(dist, file).querySelector('[data-search-body="news"] h1')?.text.trim() }))
      .filter((story): story is { url: string; title: string } => Boolean(story.title));
    expect(stories.length).toBeGreaterThan(0);
    for (const { url, title } of stories) {
      const answer = await fetch(`${baseURL}/api/search?q=${encodeURIComponent(title)}&type=news`);
      expect(answer.status).toBe(200);
      const { results } = (await answer.json()) as { results: { url: string }[] };
      expect(results.map((result) => result.url), title).toContain(url);
    }
  });
});
