import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeParts } from '../../../scripts/astro-build/merge-parts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'merge-parts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path → text) under dir/name and returns that folder. */
function part(name: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name, file)), { recursive: true });
    writeFileSync(path.join(dir, name, file), text);
  }
  return path.join(dir, name);
}

const tree = (root: string): string[] => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.includes('.')).map((f) => f.split(path.sep).join('/')).sort();

describe('merging the parts of a build into one site', () => {
  it('keeps the shared part whole, adds each story part’s story pages and assets, and drops its copies of the fixed pages', async () => {
    const shared = part('shared', { 'index.html': 'home (shared)', 'news/index.html': 'list', 'news/2/index.html': 'list 2', '_astro/base.A1.css': 'a', 'sitemap/index.html': 'map' });
    const one = part('one', { 'index.html': 'home (part one)', 'news/a/index.html': 'story a', '_astro/base.A1.css': 'a', '_astro/story.B2.css': 'b' });
    const two = part('two', { 'index.html': 'home (part two)', 'news/b/index.html': 'story b', '_astro/story.B2.css': 'b' });
    const out = path.join(dir, 'dist');
    part('dist', { 'stale.html': 'from the last build' });

    await mergeParts(shared, [one, two], out);

    expect(tree(out)).toEqual(['_astro/base.A1.css', '_astro/story.B2.css', 'index.html', 'news/2/index.html', 'news/a/index.html', 'news/b/index.html', 'news/index.html', 'sitemap/index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('home (shared)');
    expect(readFileSync(path.join(out, 'news/b/index.html'), 'utf8')).toBe('story b');
  });

  it('stops on a story page two parts made, rather than keeping one of them silently', async () => {
    const shared = part('shared', { 'index.html': 'home' });
    const one = part('one', { 'index.html': 'home', 'news/a/index.html': 'story a' });
    const two = part('two', { 'index.html': 'home', 'news/a/index.html': 'story a, again' });
    await expect(mergeParts(shared, [one, two], path.join(dir, 'dist'))).rejects.toThrow('news/a/ was made by two parts of the build');
  });

  it('stops on a story id that is also a list page’s number', async () => {
    const shared = part('shared', { 'index.html': 'home', 'news/2/index.html': 'list 2' });
    const one = part('one', { 'news/2/index.html': 'a story called 2' });
    await expect(mergeParts(shared, [one], path.join(dir, 'dist'))).rejects.toThrow('news/2/ was made by two parts');
  });

  it('stops on two assets of one name with different bytes, which a page would load the wrong one of', async () => {
    const shared = part('shared', { 'index.html': 'home', '_astro/x.css': 'one' });
    const one = part('one', { '_astro/x.css': 'two' });
    await expect(mergeParts(shared, [one], path.join(dir, 'dist'))).rejects.toThrow('_astro/x.css: two parts made different files of one name');
  });

  it('stops on a page only a story part made, which the merged site would lose', async () => {
    const shared = part('shared', { 'index.html': 'home' });
    const one = part('one', { 'index.html': 'home', 'archive/2026-12/index.html': 'a list a story part should not make' });
    await expect(mergeParts(shared, [one], path.join(dir, 'dist'))).rejects.toThrow(/^archive\/2026-12\/index\.html: made only by a story part/);
  });

  it('stops on a page only a story part made inside a folder the shared part also has, rather than dropping it', async () => {
    const shared = part('shared', { 'index.html': 'home', 'archive/index.html': 'months' });
    const one = part('one', { 'index.html': 'home', 'archive/index.html': 'months', 'archive/2026-12/index.html': 'a list a story part should not make' });
    await expect(mergeParts(shared, [one], path.join(dir, 'dist'))).rejects.toThrow(/^archive\/2026-12\/index\.html: made only by a story part/);
  });

  it('leaves the last build’s output as it was when the parts do not merge', async () => {
    const out = part('dist', { 'index.html': 'the last good build', 'news/old/index.html': 'an old story' });
    const shared = part('shared', { 'index.html': 'home', 'news/index.html': 'list' });
    const one = part('one', { 'news/a/index.html': 'story a' });
    const two = part('two', { 'news/a/index.html': 'story a, again' });
    await expect(mergeParts(shared, [one, two], out)).rejects.toThrow('news/a/ was made by two parts of the build');
    expect(tree(out)).toEqual(['index.html', 'news/old/index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good build');
  });

  it('finishes the merged site before it replaces the last build’s output, and keeps that output when finishing fails', async () => {
    const out = part('dist', { 'index.html': 'the last good build' });
    const shared = part('shared', { 'index.html': 'home' });
    const one = part('one', { 'news/a/index.html': 'story a' });
    const failing = async () => {
      throw new Error('the sitemap could not be written');
    };
    await expect(mergeParts(shared, [one], out, failing)).rejects.toThrow('the sitemap could not be written');
    expect(tree(out)).toEqual(['index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good build');

    const again = part('again', { 'index.html': 'home' });
    await mergeParts(again, [part('two', { 'news/b/index.html': 'story b' })], out, async (merged) => writeFileSync(path.join(merged, 'sitemap-index.xml'), 'map'));
    expect(tree(out)).toEqual(['index.html', 'news/b/index.html', 'sitemap-index.xml']);
  });

  it('leaves the shared part’s folder gone and the story parts emptied of what it moved', async () => {
    const shared = part('shared', { 'index.html': 'home' });
    const one = part('one', { 'index.html': 'home', 'news/a/index.html': 'story a' });
    await mergeParts(shared, [one], path.join(dir, 'dist'));
    expect(existsSync(shared)).toBe(false);
    expect(existsSync(path.join(one, 'news/a'))).toBe(false);
  });
});
