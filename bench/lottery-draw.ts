/**
 * The lottery's draw over 5,000 entries inside one screening's Durable Object (issue 12 §3): how long the
 * draw takes, from the call that finds the draw time passed until every entrant has tickets or a waitlist
 * place. A driver Worker in plain workerd (Miniflare) calls the object through its RPC stub (no HTTP,
 * session or rate limit): 5,000 members enter (every fourth with a guest, weights 1–4) a screening in a
 * 50 × 50 hall (2,500 seats), then the driver hands the object the screening with its draw time passed and
 * times one status read, which draws first. KV answers at once (production's KV is network I/O).
 *
 *   npx node bench/lottery-draw.ts --runs 3
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CatalogueScreening } from '../src/cinema/catalogue.ts';
import { ROOT } from './lib/env.ts';
import { machine } from './lib/machine.ts';
import { askDriver, benchMembers, benchScreening, bundleDriver, quietRuns, withScreeningObject, type TimedOutcomes } from './lib/screening-object-driver.ts';
import { markdownTable, median } from './lib/stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, members: { type: 'string', default: '5000' } } });
const RUNS = Number(values.runs);
const MEMBERS = Number(values.members);
const IN_FLIGHT = 32;

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-lottery-'));
const script = await bundleDriver(path.join(ROOT, 'bench/lottery-draw/driver.ts'), path.join(work, 'driver.mjs'));

function screening(id: string): CatalogueScreening {
  const now = Date.now();
  return {
    ...benchScreening(id, {
      startsAt: new Date(now + 27 * 3_600_000).toISOString(),
      releaseAt: new Date(now - 3_600_000).toISOString(),
      closesAt: new Date(now + 26 * 3_600_000).toISOString(),
    }),
    allocation: 'lottery',
    drawAt: new Date(now + 20 * 3_600_000).toISOString(),
  };
}

interface Run {
  enterMs: number;
  enterOutcomes: Record<string, number>;
  drawMs: number;
  entries: number;
  seatsOffered: number;
  winners: number;
  tickets: number;
  waitlisted: number;
  neither: number;
  both: number;
}

const run = (runId: number): Promise<Run> =>
  withScreeningObject(script, async (mf) => {
    const request = { screening: screening(`lottery-${runId}`), members: benchMembers(`l${runId}-`, MEMBERS), inFlight: IN_FLIGHT };
    const entered = await askDriver<TimedOutcomes>(mf, 'enter', request);
    const drawn = await askDriver<Omit<Run, 'enterMs' | 'enterOutcomes'>>(mf, 'draw', request);
    return { enterMs: entered.ms, enterOutcomes: entered.outcomes, ...drawn };
  });

const runs = await quietRuns(RUNS, run);
console.log(
  '\n' +
    markdownTable(
      ['entries', 'seats', 'entries/s (32 in flight, RPC)', 'draw, ms (median)', 'min–max ms', 'winners', 'tickets', 'waitlisted', 'neither / both'],
      [
        [
          MEMBERS,
          runs[0]!.seatsOffered,
          Math.round(median(runs.map((r) => MEMBERS / (r.enterMs / 1_000)))),
          Math.round(median(runs.map((r) => r.drawMs))),
          `${Math.round(Math.min(...runs.map((r) => r.drawMs)))}–${Math.round(Math.max(...runs.map((r) => r.drawMs)))}`,
          runs[0]!.winners,
          runs[0]!.tickets,
          runs[0]!.waitlisted,
          `${Math.max(...runs.map((r) => r.neither))} / ${Math.max(...runs.map((r) => r.both))}`,
        ],
      ],
    ),
);
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench', 'results', 'lottery-draw.json'), JSON.stringify({ machine: machine(), members: MEMBERS, runs }, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
