import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partCacheDirs } from '../../../scripts/astro-build/part-caches';

// A project root of its own: partCacheDirs removes caches under <root>/node_modules/.astro-parts.
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'part-caches-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const make = (dirs: Map<string, string>) => {
  for (const dir of dirs.values()) mkdirSync(dir, { recursive: true });
  return dirs;
};

describe('each part’s content cache', () => {
  it('is its own, and another content folder of the same name has other ones', () => {
    const one = partCacheDirs(root, '/a/content', 'code-one', ['shared', 'stories-1-of-2', 'stories-2-of-2']);
    expect(new Set(one.values()).size).toBe(3);
    const other = partCacheDirs(root, '/b/content', 'code-one', ['shared']);
    expect(other.get('shared')).not.toBe(one.get('shared'));
    expect(path.basename(one.get('shared')!)).toMatch(/^content-[0-9a-f]{8}-code-one-shared$/);
  });

  it('is a new one when the code that fills it changes, so no part reads what the old code stored', () => {
    const before = make(partCacheDirs(root, '/a/content', 'code-one', ['shared']));
    const after = partCacheDirs(root, '/a/content', 'code-two', ['shared']);
    expect(after.get('shared')).not.toBe(before.get('shared'));
    expect(existsSync(before.get('shared')!)).toBe(false);
  });

  it('removes the folder’s caches of another number of parts, and keeps other folders’ caches', () => {
    const two = make(partCacheDirs(root, '/a/content', 'code-one', ['shared', 'stories-1-of-2', 'stories-2-of-2']));
    const elsewhere = make(partCacheDirs(root, '/b/content', 'code-one', ['shared']));
    const three = partCacheDirs(root, '/a/content', 'code-one', ['shared', 'stories-1-of-3', 'stories-2-of-3', 'stories-3-of-3']);
    expect(existsSync(two.get('stories-1-of-2')!)).toBe(false);
    expect(existsSync(three.get('shared')!)).toBe(true);
    expect(existsSync(elsewhere.get('shared')!)).toBe(true);
    expect(readdirSync(path.join(root, 'node_modules/.astro-parts')).sort()).toEqual([path.basename(three.get('shared')!), path.basename(elsewhere.get('shared')!)].sort());
  });
});
