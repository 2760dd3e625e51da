import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { generateArchive, writeArchive, type Archive } from '../../bench/search/archive';
import { measureQuality, serveStatic, summarise, writeHarness, type QueryScore, type StaticServer } from '../../bench/search/quality';

// The small version of `npm run bench:search`: 300 generated stories indexed by the build's own
// indexer (scripts/search-index.ts, in shards of 50 so several are merged), searched in headless
// Chromium the way the search page searches. Right answers are known by construction (archive.ts).
const STORIES = 300;
let dir: string;
let archive: Archive;
let browser: Browser;
let server: StaticServer;
let scores: QueryScore[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'search-quality-'));
  archive = generateArchive(STORIES);
  writeArchive(dir, archive);
  await writeHarness(dir);
  execFileSync(process.execPath, ['scripts/search-index.ts', '--site', dir, '--cache', path.join(dir, '.cache'), '--shard-size', '50'], { stdio: 'pipe' });
  server = await serveStatic(dir);
  browser = await launchChromium();
  scores = await measureQuality(browser, server.url, 'after', archive.queries);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search quality on a generated archive', () => {
  it('indexes the stories in several shards, merged by the search page', () => {
    const { shards } = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'shards.json'), 'utf8')) as { shards: string[] };
    expect(shards.length).toBeGreaterThan(3);
  });

  it.each(['name', 'place', 'two-character word', 'inside a longer word', 'phrase'] as const)('finds %s queries with precision@10 and recall of at least 0.95', (kind) => {
    const of = scores.filter((score) => score.kind === kind);
    expect(of.length).toBeGreaterThan(0);
    const summary = summarise(of);
    const misses = of.filter((s) => s.precisionAt10 < 1 || s.recall < 1).map((s) => `${s.query}: p@10 ${s.precisionAt10}, recall ${s.recall}`);
    expect(summary.precisionAt10, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every story by its title, in the first ten results', () => {
    const missed = scores.filter((s) => s.kind === 'title' && s.precisionAt10 === 0).map((s) => s.query);
    expect(missed).toEqual([]);
  });
});
