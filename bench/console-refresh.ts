/**
 * npx node bench/console-refresh.ts — what an open staff console costs the Worker while it refreshes.
 *
 *   npx node bench/console-refresh.ts --seconds 20 --connections 4
 *
 * One `wrangler dev` (fresh state, the built catalogue, no rate limits); one screening gets 60 booked
 * seats so the seat view has holders. Phases, each a closed loop at --connections for --seconds: the bare
 * route (/api/health), the dashboard (/api/staff/console/screenings: up to 12 screenings, one object
 * call each), one screening's seat holders (/api/staff/console/screenings/:id), the bare route again.
 * Reported per phase: requests/s, latency, and the CPU time per request of wrangler dev's processes
 * (steadier than rates on a shared machine). From those: the CPU an open console costs per second
 * (a console refreshes every DASHBOARD_REFRESH_MS while visible) and how many fit in one core.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DASHBOARD_REFRESH_MS } from '../src/cinema/console-dashboard.ts';
import { scriptStaffToken } from '../scripts/staff/script-token.ts';
import { startDevServer } from './lib/dev-server.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { closedLoop, pool, request, tally } from './lib/http.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { treeCpuMs } from './lib/process-tree.ts';
import { markdownTable, median, percentile, round } from './lib/stats.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, connections: { type: 'string', default: '4' } } });
const SECONDS = Number(values.seconds);
const C = Number(values.connections);

const state = mkdtempSync(path.join(tmpdir(), 'huigong-bench-console-'));
const setup = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/dev-setup.ts', '--persist-to', state, '--members', '0'], { cwd: ROOT, env: childEnv(), encoding: 'utf8' });
if (setup.status !== 0) throw new Error(`dev-setup failed:\n${setup.stderr}`);
const server = await startDevServer({ state, withoutRateLimits: true, extraArgs: ['--log-level', 'warn'] });
const agent = pool(C);
try {
  // An admin's API token on this server (made with the bootstrap secret from .dev.vars).
  const staff = { Authorization: `Bearer ${await scriptStaffToken(server.base)}` };
  const dashboard = await request(agent, server.base, 'GET', '/api/staff/console/screenings', { headers: staff });
  if (dashboard.status !== 200) throw new Error(`dashboard answered ${dashboard.status}: ${dashboard.text}`);
  const screenings = dashboard.json.screenings as { id: string; booking?: string }[];
  const target = screenings.find((screening) => !screening.booking)!;
  const seats = Array.from({ length: 60 }, (_, i) => `${Math.floor(i / 12) + 1}-${(i % 12) + 1}`);
  const booked = await request(agent, server.base, 'POST', `/api/staff/screenings/${target.id}/bookings`, {
    headers: { ...staff, Origin: server.base.origin },
    body: { union: '测试工会', seats },
  });
  if (booked.status !== 201) throw new Error(`booking answered ${booked.status}: ${booked.text}`);

  const phases = [
    ['bare route', '/api/health', {}],
    ['dashboard', '/api/staff/console/screenings', staff],
    ['seat holders', `/api/staff/console/screenings/${target.id}`, staff],
    ['bare route again', '/api/health', {}],
  ] as const;
  const rows: (string | number)[][] = [];
  const cpuPerRequest: Record<string, number> = {};
  for (const [name, route, headers] of phases) {
    await waitForQuiet({ maxWaitMs: 20_000 });
    // Warm: the objects wake and the isolate compiles before the measured loop.
    await closedLoop(C, () => request(agent, server.base, 'GET', route, { headers }), { count: 20 });
    const cpuBefore = treeCpuMs(server.pid);
    const { responses, elapsedMs } = await closedLoop(C, () => request(agent, server.base, 'GET', route, { headers }), { durationMs: SECONDS * 1000 });
    const cpuMs = treeCpuMs(server.pid) - cpuBefore;
    const ok = responses.filter((response) => response.status === 200);
    if (ok.length !== responses.length) console.error(name, tally(responses));
    const ms = ok.map((response) => response.ms);
    cpuPerRequest[name] = cpuMs / responses.length;
    rows.push([name, route.replace(target.id, ':id'), responses.length, round((responses.length / elapsedMs) * 1000), round(median(ms)), round(percentile(ms, 95)), round(cpuMs / responses.length, 2)]);
  }
  const bare = (cpuPerRequest['bare route']! + cpuPerRequest['bare route again']!) / 2;
  const perSecond = (name: string) => round((cpuPerRequest[name]! * 1000) / DASHBOARD_REFRESH_MS, 2);
  console.log(`\n${JSON.stringify(machine())}\n${screenings.length} screenings on the dashboard; ${C} connections, ${SECONDS} s per phase\n`);
  console.log(markdownTable(['phase', 'route', 'requests', 'req/s', 'median ms', 'p95 ms', 'CPU ms/request'], rows));
  console.log(
    `\nAn open console refreshing every ${DASHBOARD_REFRESH_MS / 1000} s: dashboard ${perSecond('dashboard')} CPU ms/s ` +
      `(${round(cpuPerRequest['dashboard']! / bare, 1)}× the bare route), seat view ${perSecond('seat holders')} CPU ms/s; ` +
      `one core keeps about ${Math.floor(1000 / ((cpuPerRequest['dashboard']! * 1000) / DASHBOARD_REFRESH_MS))} dashboards open.`,
  );
} finally {
  agent.destroy();
  await server.stop();
  rmSync(state, { recursive: true, force: true });
}
