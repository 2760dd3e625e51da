import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HTMLElement } from 'node-html-parser';
import { distDir, executableScripts, htmlFiles, pathOf, readPage } from '../helpers/dist';

// Page-weight budgets (issue 7), checked on the production build (`npm test` builds first).
// Sizes are gzip sizes, each file compressed on its own; 1 KB = 1,000 bytes.
const STORY_HTML_CSS_BUDGET = 20_000;
const SCRIPTED_PAGE_JS_BUDGET = 30_000;

/**
 * Pages allowed a script, each by its own issue; every other page (stories, lists, honors, programs,
 * archive, 404 …) ships 0 bytes of JavaScript. The exempted pages stay within the cinema page's budget.
 */
const SCRIPTED_PAGES: { pattern: RegExp; why: string }[] = [
  // Search asks the Worker's GET /api/search and lists what it answers (about 2.8 KB gzip).
  { pattern: /^search\/index\.html$/, why: 'search' },
  // The cinema: seat picker, claims, tickets; and the door's check-in page.
  { pattern: /^cinema\//, why: 'cinema' },
  // The 惠工影院 program page shows the cinema's live screenings.
  { pattern: /^programs\/huigong-yingyuan\/index\.html$/, why: 'cinema program page' },
  // The 暖蜂驿站 station directory: nearest stations and filters.
  { pattern: /^programs\/nuanfeng-yizhan\/stations\//, why: 'station directory' },
];

const dist = distDir();
const pages = htmlFiles(dist);
const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const isScripted = (file: string) => SCRIPTED_PAGES.some(({ pattern }) => pattern.test(file));

/** A URL in a page (absolute or relative to it) → the file under dist/, or undefined for another origin. */
function distFile(page: string, url: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
  const pathname = url.split(/[?#]/)[0]!;
  const resolved = pathname.startsWith('/') ? pathname : path.posix.join(pathOf(page), pathname);
  return path.join(dist, decodeURIComponent(resolved));
}

/** A module and every module it imports statically, transitively (what the browser fetches at load). */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  if (!existsSync(file)) throw new Error(`script ${path.relative(dist, file)} is referenced but not in dist/`);
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // Static imports only: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`.
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)) {
    const spec = match[1]!;
    const next = spec.startsWith('/') ? path.join(dist, spec) : path.join(path.dirname(file), spec);
    moduleGraph(next, seen);
  }
  return seen;
}

/** The JavaScript a page ships on load, gzip bytes: its external scripts (with their static imports) and inline scripts. */
function pageJs(file: string, page: HTMLElement): { bytes: number; parts: string[] } {
  const files = new Set<string>();
  let inline = 0;
  for (const script of executableScripts(page)) {
    const src = script.getAttribute('src');
    if (src) {
      const target = distFile(file, src);
      if (target) moduleGraph(target, files);
    } else if (script.text.trim()) {
      inline += gzip(script.text);
    }
  }
  for (const link of page.querySelectorAll('link[rel="modulepreload"]')) {
    const target = distFile(file, link.getAttribute('href') ?? '');
    if (target) moduleGraph(target, files);
  }
  const parts = [...files].map((f) => path.relative(dist, f));
  return { bytes: inline + [...files].reduce((sum, f) => sum + gzip(readFileSync(f)), 0), parts: inline ? [...parts, 'inline'] : parts };
}

function stylesheets(file: string, page: HTMLElement): string[] {
  return page
    .querySelectorAll('link[rel~="stylesheet"]')
    .map((link) => distFile(file, link.getAttribute('href') ?? ''))
    .filter((target): target is string => target !== undefined);
}

const storyPages = pages.filter((file) => /^news\/[^/]+\/index\.html$/.test(file) && !/^news\/\d+\//.test(file));
const scriptless = pages.filter((file) => !isScripted(file));

describe('page weight', () => {
  it('the build has story, list, honor and program pages to check', () => {
    expect(storyPages.length).toBeGreaterThan(0);
    for (const prefix of ['index.html', 'news/index.html', 'tags/', 'regions/', 'columns/', 'honors/', 'programs/']) {
      expect(scriptless.some((file) => file.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it.each(scriptless)('%s ships 0 bytes of JavaScript', (file) => {
    const page = readPage(dist, file);
    const js = pageJs(file, page);
    expect(js.parts, `${file} loads ${js.parts.join(', ')}`).toEqual([]);
    expect(js.bytes).toBe(0);
  });

  it.each(pages.filter(isScripted))('%s (allowed a script) ships ≤ 30 KB of JavaScript, gzip', (file) => {
    const js = pageJs(file, readPage(dist, file));
    expect(js.bytes, `${file}: ${js.parts.join(', ')}`).toBeLessThanOrEqual(SCRIPTED_PAGE_JS_BUDGET);
  });

  it('the cinema page ships ≤ 30 KB of JavaScript, gzip', () => {
    const js = pageJs('cinema/index.html', readPage(dist, 'cinema/index.html'));
    expect(js.bytes, js.parts.join(', ')).toBeGreaterThan(0);
    expect(js.bytes, js.parts.join(', ')).toBeLessThanOrEqual(SCRIPTED_PAGE_JS_BUDGET);
  });

  it.each(storyPages)('%s: HTML + CSS ≤ 20 KB, gzip', (file) => {
    const page = readPage(dist, file);
    const html = gzip(readFileSync(path.join(dist, file)));
    const css = stylesheets(file, page).map((sheet) => gzip(readFileSync(sheet)));
    const total = html + css.reduce((sum, n) => sum + n, 0);
    expect(total, `${file}: HTML ${html} B + CSS ${css.join(' + ') || 0} B`).toBeLessThanOrEqual(STORY_HTML_CSS_BUDGET);
  });

  it('no web fonts: no font files in dist/, no @font-face and no font files referenced', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'));
    expect(files.filter((file) => /\.(woff2?|ttf|otf|eot)$/i.test(file))).toEqual([]);
    const text = files.filter((file) => /\.(html|css|js)$/.test(file));
    const offenders = text.filter((file) => {
      const body = readFileSync(path.join(dist, file), 'utf8');
      return /@font-face|\.woff2?\b|\.ttf\b|\.otf\b|fonts\.googleapis|fonts\.gstatic/i.test(body);
    });
    expect(offenders).toEqual([]);
  });
});
