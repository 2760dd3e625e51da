/**
 * npx node bench/build-chart.ts — the build bench's chart for BENCHMARKS.md §2: wall time and peak memory
 * (the largest process's: issue 16's bound is per process) against story count, huigong and the plain Astro
 * baseline, from bench/results/build.json, written to
 * bench/results/build.svg. Plain SVG from strings (no charting dependency); medians as bench:build gives them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/env.ts';

interface Row {
  site: string;
  size: number;
  runs: number;
  wallS: number;
  peakProcessMiB: number;
}

const file = path.join(ROOT, 'bench', 'results', 'build.json');
const report = JSON.parse(readFileSync(file, 'utf8')) as { summary: Row[]; results: { site: string; loadBefore: number }[] };
const rows = report.summary.filter((row) => row.site === 'huigong' || row.site === 'baseline');
const loads = report.results.filter((r) => r.site === 'huigong' || r.site === 'baseline').map((r) => r.loadBefore);
const SERIES = [
  { site: 'huigong', label: 'huigong (npm run build:site; in parts past 2,500 stories)', color: '#b3261e' },
  { site: 'baseline', label: 'plain Astro + MDX baseline', color: '#1f5fa8' },
];
const PANELS = [
  { key: 'wallS' as const, title: `wall time (s; 1-min load ${Math.round(Math.min(...loads))}–${Math.round(Math.max(...loads))} at start)`, unit: (v: number) => `${v}` },
  { key: 'peakProcessMiB' as const, title: 'peak memory, largest process (GiB)', unit: (v: number) => `${Math.round((v / 1024) * 10) / 10}` },
];

const W = 360;
const H = 240;
const M = { left: 52, right: 24, top: 28, bottom: 40 };
const maxSize = Math.max(...rows.map((r) => r.size));
/** A round step (1, 2 or 5 × 10^k) so that four steps reach `v`. */
const niceStep = (v: number) => {
  const power = 10 ** Math.floor(Math.log10(v / 4));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step * 4 >= v)!;
};
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Issue 16's bound on any one process of the build. */
const MEMORY_BOUND_MIB = 2.5 * 1024;

function panel(index: number, key: 'wallS' | 'peakProcessMiB', title: string, unit: (v: number) => string): string {
  const x0 = index * (W + 20);
  const yMax = niceStep(Math.max(...rows.map((r) => r[key])) / (key === 'peakProcessMiB' ? 1024 : 1)) * 4 * (key === 'peakProcessMiB' ? 1024 : 1);
  const xMax = niceStep(maxSize) * 4;
  const x = (size: number) => x0 + M.left + (size / xMax) * (W - M.left - M.right);
  const y = (value: number) => M.top + (1 - value / yMax) * (H - M.top - M.bottom);
  const parts = [`<text x="${x0 + M.left}" y="16" font-size="12" font-weight="bold">${esc(title)}</text>`];
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    parts.push(`<line x1="${x0 + M.left}" x2="${x0 + W - M.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${x0 + M.left - 4}" y="${y(v) + 4}" font-size="10" text-anchor="end">${unit(v)}</text>`);
    const s = (xMax / 4) * i;
    parts.push(`<text x="${x(s)}" y="${H - M.bottom + 14}" font-size="10" text-anchor="middle">${s.toLocaleString('en')}</text>`);
  }
  parts.push(`<text x="${x0 + M.left + (W - M.left - M.right) / 2}" y="${H - 8}" font-size="10" text-anchor="middle">stories</text>`);
  if (key === 'peakProcessMiB') {
    const bound = y(MEMORY_BOUND_MIB);
    parts.push(`<line x1="${x0 + M.left}" x2="${x0 + W - M.right}" y1="${bound}" y2="${bound}" stroke="#555" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x0 + W - M.right}" y="${bound - 4}" font-size="10" text-anchor="end">2.5 GiB bound</text>`);
  }
  for (const series of SERIES) {
    const points = rows.filter((r) => r.site === series.site).sort((a, b) => a.size - b.size);
    if (points.length === 0) continue;
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="2" points="${points.map((p) => `${x(p.size).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ')}"/>`);
    for (const p of points) parts.push(`<circle cx="${x(p.size).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3" fill="${series.color}"><title>${series.site} ${p.size}: ${p[key]}</title></circle>`);
  }
  return parts.join('\n');
}

const width = 2 * W + 20;
const legend = SERIES.map((s, i) => `<rect x="${M.left + i * 300}" y="${H + 6}" width="12" height="3" fill="${s.color}"/><text x="${M.left + 16 + i * 300}" y="${H + 11}" font-size="11">${esc(s.label)}</text>`).join('\n');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 20}" viewBox="0 0 ${width} ${H + 20}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${PANELS.map((p, i) => panel(i, p.key, p.title, p.unit)).join('\n')}
${legend}
</svg>
`;
const out = path.join(ROOT, 'bench', 'results', 'build.svg');
writeFileSync(out, svg);
console.log(`written ${path.relative(ROOT, out)} (${rows.length} points)`);
