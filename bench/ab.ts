/**
 * A/B of the Worker under `wrangler dev`: the same phases against the checkout's code and against
 * variants, interleaved, to measure what a change to functions/ would buy before anyone makes it.
 * A variant is a patch in bench/experiments/<name>.patch applied to a snapshot of the code, or
 * `no-rate-limits` (wrangler.toml's [[ratelimits]] left out).
 *
 *   npx node bench/ab.ts --variants base,no-rate-limits --reps 3 [--profile]
 *
 * Phases per server (fresh state, one released 300-seat screening, members signed in once): the bare
 * route; best-available claims from every member until sold out; claims after the sell-out (refused),
 * with a fresh Idempotency-Key as the cinema page sends them, then without one; the seat map; the bare
 * route again. Closed loops at --connections. Besides requests/s it reports the CPU time per request
 * of wrangler dev's processes (in total and by process), which is far steadier than rates on a shared
 * machine, and with --profile the Worker's JavaScript self time per phase, from the DevTools profiler.
 * Bounded: 60 s per request, 120 s per phase.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, snapshotCode, startDevServer, type DevServer } from './lib/dev-server.ts';
import { beijingIso } from '../scripts/content-templates.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { closedLoop, pool, request, tally, type Response } from './lib/http.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { selfCpuMs, treeCpuByProcess } from './lib/process-tree.ts';
import { connectProfiler, selfTimes, type Profiler } from './lib/cpu-profile.ts';
import { markdownTable, median, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: 'base,no-rate-limits' },
    reps: { type: 'string', default: '2' },
    connections: { type: 'string', default: '200' },
    members: { type: 'string', default: '1000' },
    // Sample the Worker's JavaScript during each phase and print where its time goes.
    profile: { type: 'boolean', default: false },
  },
});
const VARIANTS = values.variants.split(',');
const REPS = Number(values.reps);
const C = Number(values.connections);
const MEMBERS = Number(values.members);
const BIN = path.join(ROOT, 'node_modules', '.bin');
const LOG = ['--log-level', 'warn'];
const PHASES = ['health', 'claims', 'refusals', 'refusalsNoKey', 'seatMap', 'health2'] as const;
type PhaseName = (typeof PHASES)[number];
interface PhaseResult {
  ratePerS: number;
  serverCpuMs: number;
  /** The same, by process of the dev server (wrangler's node, its proxy workerd, the Worker's workerd). */
  serverCpuMsByProcess: Record<string, number>;
  clientCpuMs: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
}

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-ab-'));
mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const codes = new Map<string, string>();
const address = (i: number) => `10.1.${(i >> 8) & 255}.${i & 255}`;

try {
  for (const variant of VARIANTS) {
    const code = snapshotCode(mkdtempSync(path.join(ROOT, 'tmp', `bench-ab-${variant}-`)));
    const patch = path.join(ROOT, 'bench', 'experiments', `${variant}.patch`);
    if (existsSync(patch)) execFileSync('patch', ['-p1', '--forward', '-i', patch], { cwd: code, stdio: 'pipe' });
    else if (variant !== 'base' && variant !== 'no-rate-limits') throw new Error(`no ${patch}`);
    codes.set(variant, code);
  }

  const template = path.join(work, 'template');
  const setup = spawnSync(path.join(BIN, 'node'), ['scripts/dev-setup.ts', '--persist-to', template, '--members', String(MEMBERS)], {
    cwd: ROOT,
    env: childEnv(),
    encoding: 'utf8',
  });
  if (setup.status !== 0) throw new Error(setup.stderr);
  // A 300-seat hall and one screening whose seats are already released.
  const content = path.join(work, 'content');
  mkdirSync(path.join(content, 'halls'), { recursive: true });
  mkdirSync(path.join(content, 'screenings'), { recursive: true });
  writeFileSync(
    path.join(content, 'halls', 'bench-300.yaml'),
    ['name: 压测影厅', 'venue: 本地压测', 'rows:', ...Array.from({ length: 15 }, (_, i) => `  - { row: ${i + 1}, seats: 20, aisleAfter: [5, 15] }`)].join('\n') + '\n',
  );
  const now = Date.now();
  writeFileSync(
    path.join(content, 'screenings', 'bench-ab.yaml'),
    `id: bench-ab\nfilm: { title: 压测影片, synopsis: 本地压测场次。, runtimeMinutes: 100, sample: true }\nhall: bench-300\n` +
      `startsAt: ${beijingIso(new Date(Math.ceil((now + 4 * 3_600_000) / 3_600_000) * 3_600_000))}\nreleaseAt: ${beijingIso(new Date(now - 60_000))}\n`,
  );
  const catalogue = path.join(work, 'catalogue.json');
  execFileSync(path.join(BIN, 'node'), ['scripts/build-catalogue.ts'], { cwd: ROOT, env: childEnv({ HUIGONG_CONTENT_DIR: content, HUIGONG_CATALOGUE: catalogue }) });

  // Sessions are signed cookies: sign in once, use them on every server.
  const cookies: string[] = [];
  {
    const state = path.join(work, 'sign-in');
    cpSync(template, state, { recursive: true });
    const server = await startDevServer({ state, catalogue, code: codes.values().next().value!, extraArgs: LOG, withoutRateLimits: true });
    const agent = pool(50);
    await closedLoop(
      50,
      async (_, i) => {
        const number = `DEMO${String(i + 1).padStart(5, '0')}`;
        const r = await request(agent, server.base, 'POST', '/api/session', {
          headers: { 'CF-Connecting-IP': address(i) },
          body: { memberNumber: number, phoneLast4: number.slice(-4) },
        });
        cookies[i] = String(([] as string[]).concat(r.headers['set-cookie'] ?? [])[0] ?? '').split(';')[0]!;
        if (r.status !== 200) throw new Error(`sign-in ${number}: ${r.status}`);
        return r;
      },
      { count: MEMBERS },
    );
    agent.destroy();
    await server.stop();
  }

  const serverCpu = (before: ReturnType<typeof treeCpuByProcess>, after: ReturnType<typeof treeCpuByProcess>, requests: number) => {
    const byProcess: Record<string, number> = {};
    let total = 0;
    for (const [pid, { name, ms }] of after) {
      const used = ms - (before.get(pid)?.ms ?? 0);
      total += used;
      if (used > 0) byProcess[`${name}#${pid}`] = round(used / requests, 2);
    }
    return { serverCpuMs: round(total / requests, 2), serverCpuMsByProcess: byProcess };
  };
  let profiler: Profiler | undefined;
  const phase = async (server: DevServer, send: (agent: ReturnType<typeof pool>, i: number) => Promise<Response>, count: number): Promise<PhaseResult> => {
    const agent = pool(C);
    await profiler?.start();
    const server0 = treeCpuByProcess(server.pid);
    const client0 = selfCpuMs();
    const { responses, elapsedMs } = await closedLoop(C, (_, i) => send(agent, i), { count, durationMs: 120_000 });
    agent.destroy();
    if (profiler) console.table(selfTimes(await profiler.stop(), responses.length));
    return {
      ratePerS: round(responses.length / (elapsedMs / 1000), 1),
      ...serverCpu(server0, treeCpuByProcess(server.pid), responses.length),
      clientCpuMs: round((selfCpuMs() - client0) / responses.length, 2),
      ...tally(responses),
    };
  };
  // As the cinema page sends them: a fresh Idempotency-Key with every tap (or none, as curl would).
  let taps = 0;
  const claim = (server: DevServer, agent: ReturnType<typeof pool>, i: number, withKey = true) =>
    request(agent, server.base, 'POST', '/api/screenings/bench-ab/claims', {
      headers: { Cookie: cookies[i]!, 'CF-Connecting-IP': address(i), ...(withKey ? { 'Idempotency-Key': `ab-tap-${++taps}` } : {}) },
      body: {},
    });
  const health = (server: DevServer) => (agent: ReturnType<typeof pool>) => request(agent, server.base, 'GET', '/api/health');

  const rows: { variant: string; rep: number; cpuBusyBefore: number; phases: Record<PhaseName, PhaseResult> }[] = [];
  for (let rep = 1; rep <= REPS; rep++) {
    const order = rep % 2 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      const state = path.join(work, `${variant}-${rep}`);
      cpSync(template, state, { recursive: true });
      const quiet = await waitForQuiet();
      const inspectorPort = values.profile ? await freePort() : undefined;
      const server = await startDevServer({
        state,
        catalogue,
        code: codes.get(variant)!,
        extraArgs: [...LOG, ...(inspectorPort ? ['--inspector-port', String(inspectorPort)] : [])],
        withoutRateLimits: variant === 'no-rate-limits',
      });
      profiler = inspectorPort ? await connectProfiler(inspectorPort) : undefined;
      try {
        const phases: Record<PhaseName, PhaseResult> = {
          health: await phase(server, health(server), 3_000),
          claims: await phase(server, (agent, i) => claim(server, agent, i), MEMBERS),
          refusals: await phase(server, (agent, i) => claim(server, agent, i % MEMBERS), MEMBERS),
          refusalsNoKey: await phase(server, (agent, i) => claim(server, agent, i % MEMBERS, false), MEMBERS),
          seatMap: await phase(server, (agent) => request(agent, server.base, 'GET', '/api/screenings/bench-ab/seats'), 3_000),
          health2: await phase(server, health(server), 3_000),
        };
        rows.push({ variant, rep, cpuBusyBefore: quiet.busy, phases });
        console.log(
          `${variant} rep ${rep} (CPU busy before ${Math.round(quiet.busy * 100)} %): ` +
            PHASES.map((name) => `${name} ${phases[name].ratePerS}/s ${phases[name].serverCpuMs} ms ${JSON.stringify(phases[name].serverCpuMsByProcess)} ${JSON.stringify(phases[name].codes)}`).join('; '),
        );
      } finally {
        profiler?.close();
        await server.stop();
        rmSync(state, { recursive: true, force: true });
      }
    }
  }

  const med = (variant: string, name: PhaseName, field: 'ratePerS' | 'serverCpuMs') =>
    median(rows.filter((r) => r.variant === variant).map((r) => r.phases[name][field]));
  const report = { machine: machine(), connections: C, members: MEMBERS, reps: REPS, variants: VARIANTS, rows };
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results', 'ab.json'), `${JSON.stringify(report, null, 2)}\n`);
  const compare = VARIANTS.includes('base');
  for (const field of ['serverCpuMs', 'ratePerS'] as const) {
    console.log(
      field === 'serverCpuMs'
        ? `\nMedians of ${REPS} reps: CPU ms per request of wrangler dev's processes (ratio to base)\n`
        : `\nMedians of ${REPS} reps: requests/s at ${C} connections (ratio to base; noisy on a shared machine)\n`,
    );
    console.log(
      markdownTable(
        ['variant', ...PHASES],
        VARIANTS.map((variant) => [
          variant,
          ...PHASES.map((name) => {
            const value = med(variant, name, field);
            const ratio = compare && variant !== 'base' ? ` (${round(value / med('base', name, field), 2)}×)` : '';
            return `${round(value, field === 'ratePerS' ? 0 : 2)}${ratio}`;
          }),
        ]),
      ),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  for (const code of codes.values()) rmSync(code, { recursive: true, force: true });
}
