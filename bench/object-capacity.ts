/**
 * What one screening's Durable Object can decide per second, alone: claims sent through its RPC stub
 * by a driver Worker in plain workerd (Miniflare), with no HTTP route, session or rate limit in front
 * and no Vitest wrapper (which adds ~3 ms per call). Compares git revisions in one run, interleaved.
 *
 *   npx node bench/object-capacity.ts --refs eac1f5e,HEAD --runs 3
 *
 * Per run and revision, on a fresh object with a 50 × 50 hall (2,500 seats):
 * - wins: 2,500 members claim best available in 10 batches of 250, so the cost per claim can be read
 *   against the tickets already issued (it should stay flat);
 * - sold_out: 5,000 more members claim best available and are refused;
 * - seat_taken: on a second object half filled, 2,500 members each ask for a taken seat.
 * Every claim carries an Idempotency-Key, as the cinema page sends one. 32 calls in flight. The
 * write-through to KV answers at once unless `--with-kv` (Miniflare's simulated KV runs on this
 * machine's two cores and slows whichever batch its flush lands in; production's KV does not).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Miniflare } from 'miniflare';
import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { ROOT } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { BENCH_ROWS, BENCH_SEATS_PER_ROW, benchMembers, benchScreening, bundleDriver, withScreeningObject } from './lib/screening-object-driver.ts';
import { markdownTable, median, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    refs: { type: 'string', default: 'HEAD' },
    runs: { type: 'string', default: '3' },
    'in-flight': { type: 'string', default: '32' },
    // Miniflare's simulated KV writes cost this machine's CPU (~7 ms a ticket), which production's do not.
    'with-kv': { type: 'boolean', default: false },
  },
});
const REFS = values.refs.split(',');
const RUNS = Number(values.runs);
const IN_FLIGHT = Number(values['in-flight']);
const SEATS_PER_ROW = BENCH_SEATS_PER_ROW;
const SEATS = BENCH_ROWS * BENCH_SEATS_PER_ROW;
const BATCH = 250;
const DRIVER = 'bench/object-capacity/driver.ts';

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-object-'));

/** The driver bundled against a revision's functions/ and src/ (`WORKTREE`: the files as they are). */
async function bundle(ref: string): Promise<string> {
  const dir = path.join(work, ref.replace(/[^\w.-]/g, '_'));
  mkdirSync(dir, { recursive: true });
  if (ref === 'WORKTREE') {
    for (const folder of ['functions', 'src', 'bench']) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  } else {
    const archive = execFileSync('git', ['archive', ref, 'functions', 'src'], { cwd: ROOT, maxBuffer: 256 * 2 ** 20 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    // The driver is the same for every revision: the one in the working tree.
    mkdirSync(path.join(dir, path.dirname(DRIVER)), { recursive: true });
    cpSync(path.join(ROOT, DRIVER), path.join(dir, DRIVER));
  }
  return bundleDriver(path.join(dir, DRIVER), path.join(dir, 'driver.mjs'));
}

function screening(id: string): CatalogueScreening {
  const now = Date.now();
  return benchScreening(id, {
    startsAt: new Date(now + 3 * 3_600_000).toISOString(),
    releaseAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 2 * 3_600_000).toISOString(),
  });
}

interface Phase {
  ms: number;
  calls: number;
  outcomes: Record<string, number>;
}

async function batch(mf: Miniflare, entry: CatalogueScreening, members: string[], seats?: string[]): Promise<Phase> {
  const started = performance.now();
  const response = await mf.dispatchFetch('http://bench/', { method: 'POST', body: JSON.stringify({ screening: entry, members, seats, inFlight: IN_FLIGHT }) });
  const outcomes = (await response.json()) as Record<string, number>;
  return { ms: performance.now() - started, calls: members.length, outcomes };
}

const run = (script: string, runId: string) =>
  withScreeningObject(
    script,
    async (mf) => {
      const full = screening(`bench-${runId}-a`);
      const winners = benchMembers(`w${runId}-`, SEATS);
      const wins: Phase[] = [];
      for (let i = 0; i < SEATS; i += BATCH) wins.push(await batch(mf, full, winners.slice(i, i + BATCH)));
      const soldOut = await batch(mf, full, benchMembers(`s${runId}-`, 2 * SEATS));

      // Half the hall claimed seat by seat (rows 1–25), then every one of those seats asked for again.
      const half = screening(`bench-${runId}-b`);
      const frontHalf = Array.from({ length: SEATS / 2 }, (_, i) => `${Math.floor(i / SEATS_PER_ROW) + 1}-${(i % SEATS_PER_ROW) + 1}`);
      await batch(mf, half, benchMembers(`h${runId}-`, SEATS / 2), frontHalf);
      const seatTaken = await batch(mf, half, benchMembers(`t${runId}-`, SEATS / 2), frontHalf);
      return { wins, soldOut, seatTaken };
    },
    { KV_MODE: values['with-kv'] ? 'miniflare' : 'instant' },
  );

const perSecond = (phase: Phase) => phase.calls / (phase.ms / 1_000);

const scripts = new Map<string, string>();
for (const ref of REFS) scripts.set(ref, await bundle(ref));
const results: Record<string, Awaited<ReturnType<typeof run>>[]> = Object.fromEntries(REFS.map((ref) => [ref, []]));
for (let r = 0; r < RUNS; r++) {
  // Alternate the order, so neither revision always runs on a warmer or busier machine.
  const order = r % 2 === 0 ? REFS : [...REFS].reverse();
  for (const ref of order) {
    const quiet = await waitForQuiet();
    const result = await run(scripts.get(ref)!, `${r}`);
    results[ref]!.push(result);
    console.log(
      `run ${r + 1} ${ref} (cpu busy before ${Math.round(quiet.busy * 100)}%): wins/s by batch ${result.wins.map((w) => Math.round(perSecond(w))).join(' ')}; ` +
        `sold_out ${Math.round(perSecond(result.soldOut))}/s ${JSON.stringify(result.soldOut.outcomes)}; seat_taken ${Math.round(perSecond(result.seatTaken))}/s ${JSON.stringify(result.seatTaken.outcomes)}`,
    );
  }
}

const rows = REFS.map((ref) => {
  const runs = results[ref]!;
  const winsAll = median(runs.map((run) => SEATS / (run.wins.reduce((sum, w) => sum + w.ms, 0) / 1_000)));
  // The first batch also pays for waking the object and warming the JIT: the second is the reference.
  const early = median(runs.map((run) => perSecond(run.wins[1]!)));
  const late = median(runs.map((run) => perSecond(run.wins.at(-1)!)));
  return [
    ref,
    Math.round(winsAll),
    Math.round(early),
    Math.round(late),
    round(late / early, 2),
    Math.round(median(runs.map((run) => perSecond(run.soldOut)))),
    Math.round(median(runs.map((run) => perSecond(run.seatTaken)))),
  ];
});
console.log(
  '\n' +
    markdownTable(
      ['revision', 'wins/s, all 2,500 (with wake-up)', 'wins/s, 250–500 issued', 'wins/s, 2,250–2,500 issued', 'late ÷ early', 'sold_out/s', 'seat_taken/s'],
      rows,
    ),
);
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench', 'results', 'object-capacity.json'),
  JSON.stringify({ machine: machine(), inFlight: IN_FLIGHT, withKv: values['with-kv'], seats: SEATS, refs: REFS, results }, null, 2) + '\n',
);
rmSync(work, { recursive: true, force: true });
