/**
 * A noon queue of 5,000 resolved at the release inside one screening's Durable Object (issue 12, §2):
 * the time from the release instant until every member has a seat or a waitlist place. A driver Worker
 * in plain workerd (Miniflare) calls the object through its RPC stub (no HTTP, session or rate limit):
 * 5,000 members join the queue of a screening in a 50 × 50 hall (2,500 seats) released a minute later,
 * then at the release (`--release-in` seconds after the start, 120 by default: the joins must be done by
 * then) the driver asks one member's status, which returns once the queue is resolved
 * (by the object's alarm or by that call). KV answers at once (production's KV is network I/O).
 *
 *   npx node bench/noon-queue.ts --runs 3
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { ROOT } from './lib/env.ts';
import { machine } from './lib/machine.ts';
import { askDriver, BENCH_ROWS, BENCH_SEATS_PER_ROW, benchMembers, benchScreening, bundleDriver, quietRuns, withScreeningObject, type TimedOutcomes } from './lib/screening-object-driver.ts';
import { markdownTable, median } from './lib/stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, members: { type: 'string', default: '5000' }, 'release-in': { type: 'string', default: '120' } } });
const RUNS = Number(values.runs);
const MEMBERS = Number(values.members);
const IN_FLIGHT = 32;
/** Time for the joins before the release (they take a few seconds on this machine). */
const RELEASE_IN_MS = Number(values['release-in'] ?? '120') * 1_000;

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-queue-'));
const script = await bundleDriver(path.join(ROOT, 'bench/noon-queue/driver.ts'), path.join(work, 'driver.mjs'));

function screening(id: string): CatalogueScreening {
  const now = Date.now();
  return benchScreening(id, {
    startsAt: new Date(now + 27 * 3_600_000).toISOString(),
    releaseAt: new Date(now + RELEASE_IN_MS).toISOString(),
    closesAt: new Date(now + 26 * 3_600_000).toISOString(),
  });
}

interface Run {
  joinMs: number;
  joinOutcomes: Record<string, number>;
  msAfterRelease: number;
  seated: number;
  waitlisted: number;
  neither: number;
  both: number;
}

const run = (runId: number): Promise<Run> =>
  withScreeningObject(script, async (mf) => {
    const request = { screening: screening(`queue-${runId}`), members: benchMembers(`q${runId}-`, MEMBERS), inFlight: IN_FLIGHT };
    const joined = await askDriver<TimedOutcomes>(mf, 'join', request);
    const resolved = await askDriver<Omit<Run, 'joinMs' | 'joinOutcomes'>>(mf, 'resolve', request);
    return { joinMs: joined.ms, joinOutcomes: joined.outcomes, ...resolved };
  });

const runs = await quietRuns(RUNS, run);
console.log(
  '\n' +
    markdownTable(
      ['members', 'seats', 'joins/s (32 in flight)', 'resolved, ms after the release (median)', 'min–max ms', 'seated', 'waitlisted', 'neither / both'],
      [
        [
          MEMBERS,
          BENCH_ROWS * BENCH_SEATS_PER_ROW,
          Math.round(median(runs.map((r) => MEMBERS / (r.joinMs / 1_000)))),
          Math.round(median(runs.map((r) => r.msAfterRelease))),
          `${Math.min(...runs.map((r) => r.msAfterRelease))}–${Math.max(...runs.map((r) => r.msAfterRelease))}`,
          runs[0]!.seated,
          runs[0]!.waitlisted,
          `${Math.max(...runs.map((r) => r.neither))} / ${Math.max(...runs.map((r) => r.both))}`,
        ],
      ],
    ),
);
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench', 'results', 'noon-queue.json'), JSON.stringify({ machine: machine(), members: MEMBERS, runs }, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
