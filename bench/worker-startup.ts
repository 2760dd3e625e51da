/**
 * npx node bench/worker-startup.ts — the Worker's cost of starting (a cold start's script evaluation).
 *
 *   npx node bench/worker-startup.ts --refs 508e7ae,WORKTREE --runs 9
 *
 * For each revision (`WORKTREE`: the files as they are) it bundles the Worker as `wrangler deploy` would
 * (`--dry-run --outfile`, with today's built catalogue), then runs `wrangler check startup --worker` on
 * the bundle, alternating revisions, several times: workerd imports the bundle under V8's sampling
 * profiler. It reports the bundle's size and, medians over the runs, wrangler's "Active" CPU time of the
 * startup phase and the part of it spent in the bundle's own code (samples whose stack holds a frame
 * of the Worker's script: module evaluation, not workerd's set-up). Local figures on another CPU than
 * Cloudflare's: compare revisions measured together, not with the startup time a deploy prints.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ROOT, childEnv } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { markdownTable, median, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    refs: { type: 'string', default: 'WORKTREE' },
    runs: { type: 'string', default: '9' },
  },
});
const REFS = values.refs.split(',');
const RUNS = Number(values.runs);
const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler');
const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-startup-'));

interface Bundle {
  file: string;
  rawKb: number;
  gzipKb: number;
}

/** The Worker bundle of a revision, as `wrangler deploy` would upload it. */
function bundle(ref: string): Bundle {
  const dir = path.join(work, ref.replace(/[^\w.-]/g, '_'));
  mkdirSync(dir, { recursive: true });
  const files = ['functions', 'src', 'wrangler.toml', 'package.json', 'tsconfig.json'];
  if (ref === 'WORKTREE') {
    for (const file of files) cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  } else {
    const archive = execFileSync('git', ['archive', ref, ...files], { cwd: ROOT, maxBuffer: 256 * 2 ** 20 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    // The same screenings for every revision: the catalogue built in the working tree.
    mkdirSync(path.join(dir, 'functions', 'generated'), { recursive: true });
    cpSync(path.join(ROOT, 'functions', 'generated', 'catalogue.json'), path.join(dir, 'functions', 'generated', 'catalogue.json'));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  const outdir = path.join(dir, 'out');
  execFileSync(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], { cwd: dir, env: childEnv(), stdio: 'pipe' });
  const script = readFileSync(path.join(outdir, 'index.js'));
  const file = path.join(dir, 'worker.bundle');
  execFileSync(WRANGLER, ['deploy', '--dry-run', '--outfile', file], { cwd: dir, env: childEnv(), stdio: 'pipe' });
  return { file, rawKb: round(script.length / 1000), gzipKb: round(gzipSync(script, { level: 9 }).length / 1000) };
}

interface Profile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples with a frame of the Worker's script (`index.js`) on their stack. */
function scriptMs(profile: Profile): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inScript = (id: number | undefined): boolean => {
    for (; id !== undefined; id = parent.get(id)) if (byId.get(id)!.callFrame.url.endsWith('/index.js')) return true;
    return false;
  };
  // A sample lasts until the next one.
  const total = profile.samples.reduce((sum, id, i) => sum + (inScript(id) ? (profile.timeDeltas[i + 1] ?? 0) : 0), 0);
  return total / 1000;
}

function startup(worker: Bundle): { activeMs: number; scriptMs: number } {
  const outfile = path.join(work, 'startup.cpuprofile');
  const result = spawnSync(WRANGLER, ['check', 'startup', '--worker', worker.file, '--outfile', outfile], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
  const active = /Active: ([\d.]+) ms/.exec(result.stdout);
  if (result.status !== 0 || !active) throw new Error(`wrangler check startup failed:\n${result.stdout}\n${result.stderr}`);
  return { activeMs: Number(active[1]), scriptMs: scriptMs(JSON.parse(readFileSync(outfile, 'utf8')) as Profile) };
}

const bundles = new Map(REFS.map((ref) => [ref, bundle(ref)]));
const results: Record<string, (ReturnType<typeof startup> & { busy: number })[]> = Object.fromEntries(REFS.map((ref) => [ref, []]));
for (let r = 0; r < RUNS; r++) {
  for (const ref of r % 2 === 0 ? REFS : [...REFS].reverse()) {
    // Each run takes seconds: wait for a quiet CPU briefly, and record how busy it was.
    const { busy } = await waitForQuiet({ maxWaitMs: 15_000 });
    results[ref]!.push({ ...startup(bundles.get(ref)!), busy });
  }
}

const rows = REFS.map((ref) => {
  const runs = results[ref]!;
  const { rawKb, gzipKb } = bundles.get(ref)!;
  return [ref, `${rawKb} KB`, `${gzipKb} KB`, `${round(median(runs.map((run) => run.activeMs)))} ms`, `${round(median(runs.map((run) => run.scriptMs)))} ms`];
});
console.log(`\n${RUNS} runs each, medians\n`);
console.log(markdownTable(['revision', 'bundle raw', 'gzip', 'startup, active CPU', 'in the Worker\'s script'], rows));
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench', 'results', 'worker-startup.json'),
  JSON.stringify({ machine: machine(), refs: REFS, bundles: Object.fromEntries([...bundles].map(([ref, b]) => [ref, { rawKb: b.rawKb, gzipKb: b.gzipKb }])), results }, null, 2) + '\n',
);
rmSync(work, { recursive: true, force: true });
