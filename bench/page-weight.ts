/**
 * Prints the page weights of the current build (dist/) for BENCHMARKS.md: story pages' HTML + CSS,
 * the JavaScript of the pages allowed a script, and the largest pages of each kind. The budgets
 * themselves are enforced by tests/site/page-weight.test.ts in `npm test`.
 *
 *   npm run build && npx node bench/page-weight.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { ROOT } from './lib/env.ts';
import { markdownTable, median } from './lib/stats.ts';
import { htmlFiles } from '../tests/helpers/dist.ts';

const dist = path.join(ROOT, 'dist');
const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function local(page: string, url: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
  const pathname = url.split(/[?#]/)[0]!;
  const base = `/${page.replace(/index\.html$/, '')}`;
  return path.join(dist, pathname.startsWith('/') ? pathname : path.posix.join(base, pathname));
}

function graph(file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)) {
    graph(m[1]!.startsWith('/') ? path.join(dist, m[1]!) : path.join(path.dirname(file), m[1]!), seen);
  }
}

const rows = htmlFiles(dist).map((file) => {
  const html = readFileSync(path.join(dist, file));
  const page = parse(html.toString('utf8'));
  const css = page
    .querySelectorAll('link[rel~="stylesheet"]')
    .map((l) => local(file, l.getAttribute('href') ?? ''))
    .filter((f): f is string => !!f && existsSync(f))
    .reduce((sum, f) => sum + gzip(readFileSync(f)), 0);
  const modules = new Set<string>();
  let inline = 0;
  for (const s of page.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json')) {
    const src = s.getAttribute('src');
    if (src) {
      const f = local(file, src);
      if (f) graph(f, modules);
    } else inline += gzip(s.text);
  }
  const js = inline + [...modules].reduce((sum, f) => sum + gzip(readFileSync(f)), 0);
  return { file, html: gzip(html), css, js };
});

const stories = rows.filter((r) => /^news\/[^/]+\/index\.html$/.test(r.file) && !/^news\/\d+\//.test(r.file));
const storyTotals = stories.map((r) => r.html + r.css);
console.log(`story pages: ${stories.length}; HTML + CSS gzip median ${kb(median(storyTotals))} KB, max ${kb(Math.max(...storyTotals))} KB (budget 20 KB)\n`);
console.log(
  markdownTable(
    ['page', 'HTML gzip KB', 'CSS gzip KB', 'JS gzip KB'],
    [
      ...[...stories].sort((a, b) => b.html + b.css - (a.html + a.css)).slice(0, 3),
      ...rows.filter((r) => r.js > 0),
      ...['index.html', 'news/index.html', 'honors/index.html', 'programs/index.html'].map((f) => rows.find((r) => r.file === f)).filter((r) => r !== undefined),
    ].map((r) => [`/${r.file.replace(/index\.html$/, '')}`, kb(r.html), kb(r.css), kb(r.js)]),
  ),
);
console.log(`\npages with any JavaScript: ${rows.filter((r) => r.js > 0).map((r) => r.file).join(', ')}`);
