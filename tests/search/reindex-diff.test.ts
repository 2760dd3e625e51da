import { describe, expect, it } from 'vitest';
import { reindexDiff } from '../../src/search/reindex-diff';

const pages = (entries: Record<string, string>) => Object.entries(entries).map(([url, fingerprint]) => ({ url, fingerprint }));

describe('reindexDiff', () => {
  it('sorts each page into added, changed, removed or unchanged by its fingerprint', () => {
    const built = pages({ '/news/c/': '3', '/news/a/': '1', '/news/b/': '2b', '/news/new/': '9' });
    const stored = pages({ '/news/a/': '1', '/news/b/': '2', '/news/c/': '3', '/news/gone/': '4' });
    expect(reindexDiff(built, stored)).toEqual({ added: ['/news/new/'], changed: ['/news/b/'], removed: ['/news/gone/'], unchanged: ['/news/a/', '/news/c/'] });
  });

  it('writes every page into an empty search, and deletes every page when nothing is built', () => {
    expect(reindexDiff(pages({ '/b/': '2', '/a/': '1' }), [])).toEqual({ added: ['/a/', '/b/'], changed: [], removed: [], unchanged: [] });
    expect(reindexDiff([], pages({ '/a/': '1' }))).toEqual({ added: [], changed: [], removed: ['/a/'], unchanged: [] });
  });

  it('with full, rewrites every page the search already holds', () => {
    expect(reindexDiff(pages({ '/a/': '1', '/b/': '2' }), pages({ '/a/': '1', '/c/': '3' }), { full: true })).toEqual({ added: ['/b/'], changed: ['/a/'], removed: ['/c/'], unchanged: [] });
  });

  it('refuses two built pages with one URL', () => {
    expect(() => reindexDiff(pages({ '/a/': '1' }).concat(pages({ '/a/': '2' })), [])).toThrow('/a/');
  });
});
