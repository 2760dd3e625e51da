/**
 * What the benches that call one screening's Durable Object directly share: the driver Worker bundled
 * for workerd, a 50 × 50 benchmark hall, and plain workerd (Miniflare, no Vitest wrapper) running it with
 * the object's binding. bench/object-capacity.ts, bench/noon-queue.ts, bench/lottery-draw.ts.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import type { CatalogueScreening } from '../../src/cinema/catalogue.ts';
import { hallSchema } from '../../src/cinema/hall-schema.ts';
import { ROOT } from './env.ts';
import { waitForQuiet } from './machine.ts';

export const BENCH_ROWS = 50;
export const BENCH_SEATS_PER_ROW = 50;

/** Bundles a driver Worker (its imports of functions/ and src/ included) into `outfile`. */
export async function bundleDriver(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2024',
    external: ['cloudflare:*', 'node:*'],
    // A revision's files copied outside the repository (bench/object-capacity.ts) find its packages (zod) here.
    nodePaths: [path.join(ROOT, 'node_modules')],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** A screening in a 50 × 50 hall (2,500 seats, aisles after seats 10 and 40) with the given times. */
export function benchScreening(id: string, times: Pick<CatalogueScreening, 'startsAt' | 'releaseAt' | 'closesAt'>): CatalogueScreening {
  const hall = hallSchema.parse({
    name: '基准厅',
    venue: '基准',
    rows: Array.from({ length: BENCH_ROWS }, (_, i) => ({ row: i + 1, seats: BENCH_SEATS_PER_ROW, aisleAfter: [10, 40] })),
  });
  return {
    id,
    film: { title: '基准', synopsis: '基准', runtimeMinutes: 100, sample: true },
    hallId: 'bench',
    hall,
    allocation: 'first-come',
    ...times,
  };
}

/** The bundled driver in workerd with the screening objects' namespace and a KV namespace. */
function screeningObjectWorker(script: string, bindings: Record<string, string> = {}): Miniflare {
  return new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: script,
      modulesRoot: path.dirname(script),
      compatibilityDate: '2026-08-01',
      durableObjects: { SCREENINGS: { className: 'ScreeningObject', useSQLite: true } },
      kvNamespaces: ['SEATS'],
      bindings,
    }),
  );
}

/**
 * One run's body: `fn` against the bundled driver in a fresh workerd (so a fresh object and its SQLite),
 * disposed once `fn` ends, whether it answered or threw.
 *
 *   const run = (id: number) => withScreeningObject(script, async (mf) => askDriver(mf, 'join', request(id)));
 */
export async function withScreeningObject<T>(script: string, fn: (mf: Miniflare) => Promise<T>, bindings: Record<string, string> = {}): Promise<T> {
  const mf = screeningObjectWorker(script, bindings);
  try {
    return await fn(mf);
  } finally {
    await mf.dispose();
  }
}

/** Member ids for a run: `prefix` and a zero-padded number, distinct across runs when prefixes are. */
export const benchMembers = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);

/** A driver's answer to a step it timed: how long it took and how many calls ended in each outcome code. */
export interface TimedOutcomes {
  ms: number;
  outcomes: Record<string, number>;
}

/** Asks the driver Worker to do `action` (its own verbs: join, resolve, enter, draw) for these members. */
export async function askDriver<T>(mf: Miniflare, action: string, request: { screening: CatalogueScreening; members: string[]; inFlight: number }): Promise<T> {
  const response = await mf.dispatchFetch('http://bench/', { method: 'POST', body: JSON.stringify({ action, ...request }) });
  return (await response.json()) as T;
}

/** `count` runs, each started once the machine is quiet (or a minute has passed), each logged as it ends. */
export async function quietRuns<T>(count: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const runs: T[] = [];
  for (let index = 0; index < count; index++) {
    const quiet = await waitForQuiet();
    const result = await run(index);
    runs.push(result);
    console.log(`run ${index + 1} (cpu busy before ${Math.round(quiet.busy * 100)}%): ${JSON.stringify(result)}`);
  }
  return runs;
}
