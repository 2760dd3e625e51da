import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../helpers/run';

// A production build of a fixture with one published story, one draft and one scheduled for 2099.
const outDir = mkdtempSync(path.join(tmpdir(), 'huigong-publishing-'));

beforeAll(() => {
  const { status, output } = run('astro', ['build'], {
    HUIGONG_CONTENT_DIR: 'tests/fixtures/content-publishing',
    HUIGONG_OUT_DIR: outDir,
  });
  expect(status, output).toBe(0);
}, 180_000);

describe('publishing at build time', () => {
  const feed = () => readFileSync(path.join(outDir, 'rss.xml'), 'utf8');

  it('publishes the ready story', () => {
    expect(existsSync(path.join(outDir, 'news/published/index.html'))).toBe(true);
    expect(feed()).toContain('/news/published/');
  });

  it('leaves drafts out of pages, lists and the feed', () => {
    expect(existsSync(path.join(outDir, 'news/draft/index.html'))).toBe(false);
    expect(feed()).not.toContain('草稿稿件');
    expect(readFileSync(path.join(outDir, 'news/index.html'), 'utf8')).not.toContain('草稿稿件');
  });

  it('leaves a story scheduled for later out until a build at or after its time', () => {
    expect(existsSync(path.join(outDir, 'news/scheduled/index.html'))).toBe(false);
    expect(feed()).not.toContain('定时发布的稿件');
    expect(readFileSync(path.join(outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('/news/scheduled/');
  });
});
