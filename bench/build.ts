/**
 * npm run bench:build — the build at scale.
 *
 * For each size (default 200, 1,000 and 3,000 synthetic stories) it writes the stories into a
 * temporary content folder (a copy of content/, the real stories kept because honors and programs
 * reference them), then times, several times over, side by side:
 *   - huigong: the production build of this site from that folder (scripts/astro-build.ts, what `npm run
 *     build:site` runs: one `astro build`, or past 2,500 stories the build in parts, two at a time here;
 *     a cold build; no search index step since search moved to D1, filled at deploy: bench:search), and
 *   - baseline: a plain Astro 7 + MDX site (one collection, one page per entry, an index) built from
 *     the same generated files.
 * It reports wall time, stories/s, peak memory (summed RSS of the build's process tree, polled every
 * 100 ms) and the size of the output, medians over the runs, and the time-per-story ratio.
 *
 * Options: --sizes 200,1000,3000 --runs 3 --md (also time plain-.md stories at the largest two sizes)
 * --keep (leave the temporary folder) --sites huigong,baseline (one of them alone, for the largest
 * sizes) --merge (keep the other sizes' figures already in bench/results/build.json, so sizes can run
 * apart) --timeout-min 15 (every build is stopped after that) --heap-mib 12288 (Node's heap limit for
 * every build process: its default, ~4 GiB, is about what Astro needs at 10,000 stories, 3.9 GiB RSS).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBaselineSite } from './build/baseline-site.ts';
import { writeStories } from './build/stories.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { measure, type Measured } from './lib/process-tree.ts';
import { markdownTable, median, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,1000,3000' },
    runs: { type: 'string', default: '3' },
    md: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    sites: { type: 'string', default: 'baseline,huigong' },
    merge: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '15' },
    'heap-mib': { type: 'string', default: '12288' },
  },
});
const sites = new Set(values.sites.split(','));
// Every build process (Astro, the index's shard processes) gets the same heap limit.
const heapEnv = { NODE_OPTIONS: `--max-old-space-size=${Number(values['heap-mib'])}` };
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const BUILD_TIMEOUT_MS = Number(values['timeout-min']) * 60_000;
const BIN = path.join(ROOT, 'node_modules', '.bin');

interface Run {
  site: 'huigong' | 'baseline' | 'huigong-md' | 'baseline-md';
  size: number;
  run: number;
  wallMs: number;
  astroMs: number;
  /** The search index step's (runs before search moved to D1; kept for --merge with older results). */
  pagefindMs?: number;
  peakTreeMiB: number;
  peakProcessMiB: number;
  /** The two steps' peaks apart (huigong only): astro build, and the search index (its process tree). */
  peakAstroMiB: number;
  peakPagefindMiB?: number;
  /** The search index step's largest single process (a shard's Pagefind). */
  peakIndexProcessMiB?: number;
  distMiB: number;
  distFiles: number;
  /** Of distFiles, the search index's (dist/pagefind/). */
  searchFiles: number;
  pages: number;
  /** 1-minute load average when the run started: the machines are shared. */
  loadBefore: number;
  /** Share of the CPU busy (others' work) just before the run, after waiting up to a minute for quiet. */
  cpuBusyBefore: number;
}

function dirSize(dir: string): { bytes: number; files: number; html: number; search: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  let search = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    bytes += statSync(file).size;
    files++;
    if (entry.name.endsWith('.html')) html++;
    if (path.relative(dir, file).startsWith(`pagefind${path.sep}`)) search++;
  }
  return { bytes, files, html, search };
}

function check(step: string, result: Measured): void {
  if (result.status !== 0) {
    console.error(result.output.slice(-4000));
    throw new Error(`${step} failed (exit ${result.status})`);
  }
}

const MiB = (kib: number) => round(kib / 1024, 0);

type Summary = { site: string; size: number; wallS: number; astroS: number };

/** huigong's time per story against the baseline's at the same size, where both ran. */
function ratiosOf(summary: Summary[]) {
  const find = (site: string, size: number) => summary.find((s) => s.site === site && s.size === size);
  return summary
    .filter((s) => (s.site === 'huigong' || s.site === 'huigong-md') && find(s.site === 'huigong' ? 'baseline' : 'baseline-md', s.size))
    .map((s) => {
      const base = find(s.site === 'huigong' ? 'baseline' : 'baseline-md', s.size)!;
      const mdxBase = find('baseline', s.size);
      return {
        site: s.site,
        size: s.size,
        timePerStoryRatio: round(s.wallS / base.wallS, 2),
        ...(s.site === 'huigong-md' && mdxBase ? { vsMdxBaseline: round(s.wallS / mdxBase.wallS, 2) } : {}),
        astroOnlyRatio: round(s.astroS / base.wallS, 2),
      };
    });
}

// Under the repo's git-ignored tmp/: Astro 7 fails on components (bench/components) that share no
// folder with the project root, and the baseline site's root is in here.
mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, 'tmp', 'bench-build-'));
const catalogue = path.join(work, 'catalogue.json');
const results: Run[] = [];
const started = Date.now();

try {
  console.log(`bench:build — sizes ${sizes.join(', ')}, ${runs} runs each, work folder ${work}`);
  // The cinema page reads the catalogue at build time; give the builds their own.
  check(
    'build-catalogue',
    await measure(path.join(BIN, 'node'), ['scripts/build-catalogue.ts'], {
      cwd: ROOT,
      env: childEnv({ HUIGONG_CATALOGUE: catalogue }),
      timeoutMs: 60_000,
    }),
  );

  const variants: { md: boolean; sizes: number[] }[] = [{ md: false, sizes }];
  if (values.md) variants.push({ md: true, sizes: sizes.filter((size) => size >= 1000) });

  for (const variant of variants) {
    for (const size of variant.sizes) {
      const tag = `${size}${variant.md ? '-md' : ''}`;
      // huigong's content folder: every folder of content/ (vocabulary, honors, programs, halls,
      // screenings …), the real stories (honors and programs reference them), and the generated ones,
      // which the baseline's collection reads from the same folder (bench-* only).
      const contentDir = path.join(work, `content-${tag}`);
      cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
      const generated = writeStories(path.join(contentDir, 'news'), size, { plainMarkdown: variant.md });
      const chars = median(generated.map((story) => story.chars));
      const realStories = readdirSync(path.join(ROOT, 'content', 'news')).filter((f) => /\.mdx?$/.test(f)).length;
      const baselineDir = path.join(work, `baseline-${tag}`);
      writeBaselineSite(baselineDir, path.join(contentDir, 'news'));
      console.log(`\n${tag}: ${size} stories (median ${chars} characters of prose) + ${realStories} real ones for huigong`);

      for (let run = 1; run <= runs; run++) {
        // Alternate the order so drift on a shared machine does not favour one site.
        const order = run % 2 === 1 ? (['baseline', 'huigong'] as const) : (['huigong', 'baseline'] as const);
        for (const site of order.filter((name) => sites.has(name))) {
          const out = path.join(work, `out-${site}-${tag}`);
          const quiet = await waitForQuiet({ maxWaitMs: 60_000 });
          const loadBefore = round(loadavg()[0]!, 2);
          rmSync(out, { recursive: true, force: true });
          let astro: Measured;
          if (site === 'huigong') {
            // A cold build each run: astro.config.mjs keys the content cache by the content folder's name,
            // a build in parts keeps one per part.
            rmSync(path.join(ROOT, 'node_modules', `.astro-${path.basename(contentDir)}`), { recursive: true, force: true });
            rmSync(path.join(ROOT, 'node_modules', '.astro-parts'), { recursive: true, force: true });
            astro = await measure(path.join(BIN, 'node'), ['scripts/astro-build.ts'], {
              cwd: ROOT,
              env: childEnv({ HUIGONG_CONTENT_DIR: contentDir, HUIGONG_OUT_DIR: out, HUIGONG_CATALOGUE: catalogue, ...heapEnv }),
              timeoutMs: BUILD_TIMEOUT_MS,
            });
            // No search index in the build since issue 16: search:reindex fills D1 at deploy (bench:search measures it).
            check(`huigong astro build (${tag})`, astro);
          } else {
            rmSync(path.join(baselineDir, '.cache'), { recursive: true, force: true });
            rmSync(path.join(baselineDir, '.astro'), { recursive: true, force: true });
            astro = await measure(path.join(BIN, 'astro'), ['build'], {
              cwd: baselineDir,
              env: childEnv({ BASELINE_OUT_DIR: out, ...heapEnv }),
              timeoutMs: BUILD_TIMEOUT_MS,
            });
            check(`baseline astro build (${tag})`, astro);
          }
          const dist = dirSize(out);
          const storyPages = readdirSync(path.join(out, 'news')).filter((name) => name.startsWith('bench-')).length;
          if (storyPages !== size) throw new Error(`${site} ${tag}: ${storyPages} story pages, expected ${size}`);
          const result: Run = {
            site: variant.md ? (`${site}-md` as const) : site,
            size,
            run,
            wallMs: astro.wallMs,
            astroMs: astro.wallMs,
            peakTreeMiB: MiB(astro.peakTreeKiB),
            peakProcessMiB: MiB(astro.peakProcessKiB),
            peakAstroMiB: MiB(astro.peakTreeKiB),
            distMiB: round(dist.bytes / 2 ** 20, 1),
            distFiles: dist.files,
            searchFiles: dist.search,
            pages: dist.html,
            loadBefore,
            cpuBusyBefore: quiet.busy,
          };
          results.push(result);
          console.log(
            `  run ${run} ${result.site.padEnd(11)} ${(result.wallMs / 1000).toFixed(1)} s` +
              `, ${round(size / (result.wallMs / 1000), 1)} stories/s, peak ${result.peakTreeMiB} MiB` +
              ', ' +
              `${result.pages} pages, ${result.distFiles} files, ${result.distMiB} MiB (CPU busy before ${Math.round(quiet.busy * 100)} %)`,
          );
          rmSync(out, { recursive: true, force: true });
        }
      }
      rmSync(path.join(ROOT, 'node_modules', `.astro-${path.basename(contentDir)}`), { recursive: true, force: true });
    }
  }

  // Medians per site and size, and the ratio of time per story.
  const groups = new Map<string, Run[]>();
  for (const result of results) groups.set(`${result.site}:${result.size}`, [...(groups.get(`${result.site}:${result.size}`) ?? []), result]);
  const summary = [...groups.values()].map((group) => {
    const { site, size } = group[0]!;
    const wallS = median(group.map((r) => r.wallMs)) / 1000;
    return {
      site,
      size,
      runs: group.length,
      wallS: round(wallS, 1),
      wallMinS: round(Math.min(...group.map((r) => r.wallMs)) / 1000, 1),
      wallMaxS: round(Math.max(...group.map((r) => r.wallMs)) / 1000, 1),
      astroS: round(median(group.map((r) => r.astroMs)) / 1000, 1),
      pagefindS: group[0]!.pagefindMs === undefined ? undefined : round(median(group.map((r) => r.pagefindMs!)) / 1000, 1),
      storiesPerS: round(size / wallS, 1),
      msPerStory: round((wallS * 1000) / size, 1),
      peakTreeMiB: median(group.map((r) => r.peakTreeMiB)),
      peakTreeMaxMiB: Math.max(...group.map((r) => r.peakTreeMiB)),
      peakProcessMiB: median(group.map((r) => r.peakProcessMiB)),
      peakAstroMiB: median(group.map((r) => r.peakAstroMiB)),
      peakPagefindMiB: group[0]!.peakPagefindMiB === undefined ? undefined : median(group.map((r) => r.peakPagefindMiB!)),
      peakIndexProcessMiB: group[0]!.peakIndexProcessMiB === undefined ? undefined : median(group.map((r) => r.peakIndexProcessMiB!)),
      pages: group[0]!.pages,
      distMiB: group[0]!.distMiB,
      distFiles: group[0]!.distFiles,
      searchFiles: group[0]!.searchFiles,
      filesPerStory: round(group[0]!.distFiles / size, 2),
      peakTreeMiBPerStory: round(median(group.map((r) => r.peakTreeMiB)) / size, 3),
    };
  });
  const file = path.join(ROOT, 'bench', 'results', 'build.json');
  const machineNow = machine();
  const durationS = round((Date.now() - started) / 1000, 0);
  type Report = { machine: typeof machineNow; runs: number; sizes: number[]; durationS: number; summary: typeof summary; ratios: ReturnType<typeof ratiosOf>; results: Run[]; sessions?: unknown[] };
  let report: Report = { machine: machineNow, runs, sizes, durationS, summary, ratios: ratiosOf(summary), results };
  if (values.merge && existsSync(file)) {
    // Sizes run apart (the largest alone, in the background): the figures of other sites and sizes stay.
    const before = JSON.parse(readFileSync(file, 'utf8')) as Report;
    const ran = new Set(summary.map((s) => `${s.site}:${s.size}`));
    const keep = <T extends { site: string; size: number }>(rows: T[]) => rows.filter((row) => !ran.has(`${row.site}:${row.size}`));
    const mergedSummary = [...keep(before.summary), ...summary].sort((a, b) => a.size - b.size || a.site.localeCompare(b.site));
    report = {
      machine: machineNow,
      runs,
      sizes: [...new Set(mergedSummary.map((s) => s.size))],
      durationS,
      summary: mergedSummary,
      ratios: ratiosOf(mergedSummary),
      results: [...keep(before.results), ...results],
      sessions: [...(before.sessions ?? [{ machine: before.machine, sizes: before.sizes, runs: before.runs, durationS: before.durationS }]), { machine: machineNow, sizes, runs, durationS }],
    };
  }
  const find = (site: string, size: number) => report.summary.find((s) => s.site === site && s.size === size);
  const ratios = report.ratios;
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\nMedians of ${runs} runs (${durationS} s in all; machine: ${report.machine.nproc} × ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node})\n`);
  console.log(
    markdownTable(
      ['site', 'stories', 'wall s (min–max)', 'astro s', 'search index s', 'stories/s', 'ms/story', 'peak RSS MiB (max)', 'astro / search index (largest process) peak MiB', 'pages', 'files per deploy', 'dist MiB'],
      report.summary.map((s) => [
        s.site,
        s.size,
        `${s.wallS} (${s.wallMinS}–${s.wallMaxS})`,
        s.astroS,
        s.pagefindS ?? '–',
        s.storiesPerS,
        s.msPerStory,
        `${s.peakTreeMiB} (${s.peakTreeMaxMiB})`,
        s.peakPagefindMiB === undefined ? '–' : `${s.peakAstroMiB} / ${s.peakPagefindMiB} (${s.peakIndexProcessMiB})`,
        s.pages,
        s.distFiles,
        s.distMiB,
      ]),
    ),
  );
  console.log('');
  console.log(
    markdownTable(
      ['site', 'stories', 'time per story vs baseline', 'astro build alone vs baseline', 'target ≤ 1.3× (issue 16)'],
      ratios.map((r) => [r.site, r.size, `${r.timePerStoryRatio}×`, `${r.astroOnlyRatio}×`, r.timePerStoryRatio <= 1.3 ? 'met' : 'missed']),
    ),
  );
  const peak3000 = find('huigong', 3000);
  if (peak3000) {
    console.log(
      `\npeak memory at 3,000 stories: ${peak3000.peakTreeMaxMiB} MiB (target ≤ 2048 MiB: ${peak3000.peakTreeMaxMiB <= 2048 ? 'met' : 'missed'}); ` +
        `astro build ${peak3000.peakAstroMiB} MiB${peak3000.peakPagefindMiB === undefined ? '' : `, search index ${peak3000.peakPagefindMiB} MiB`} (medians)`,
    );
  }
  console.log(`\nwritten ${path.relative(ROOT, file)}`);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
