/**
 * The roster upload's Worker side at 100,000 rows: `wrangler dev` on the built site with fresh local state,
 * the upload sent as the console sends it (the roster read and chunked in this process as the browser
 * does, chunks one at a time, `--in-flight` for more), then applied as a merge, then applied again as a
 * replace of a roster one member shorter (`--modes merge` leaves the replace out). Times each phase and samples the RSS of wrangler dev's process
 * tree (workerd, which runs the Worker, the roster's object and the simulated KV) every 200 ms.
 *
 *   npm run build && npm run bench:roster [-- --rows 100000] [--in-flight 1] [--modes merge,replace]
 *
 * The apply's time is the simulated KV's: wrangler dev writes each key to SQLite and a blob file on this
 * machine's two shared cores (~10 ms a write); Cloudflare's KV takes the batches of 500 concurrently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rosterChunks, rosterUploadId, type RosterChunkRow } from '../src/cinema/roster-chunks.ts';
import { readRoster } from '../src/cinema/roster-rows.ts';
import { devVars } from '../scripts/dev-vars.ts';
import { scriptStaffToken } from '../scripts/staff/script-token.ts';
import { snapshotCode, startDevServer } from './lib/dev-server.ts';
import { ROOT } from './lib/env.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { treeCpuMs, treeRss } from './lib/process-tree.ts';
import { markdownTable, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, 'in-flight': { type: 'string', default: '1' }, modes: { type: 'string', default: 'merge,replace' } },
});
const MODES = values.modes.split(',');
const ROWS = Number(values.rows);
const IN_FLIGHT = Number(values['in-flight']);

const csv = (count: number) =>
  `会员号,手机号,姓名\r\n${Array.from({ length: count }, (_, i) => `BM${String(i + 1).padStart(6, '0')},139${String(i + 1).padStart(8, '0')},职工${i + 1}`).join('\r\n')}\r\n`;

/** Reading and chunking, as the browser does before anything is sent. */
function prepare(count: number) {
  const started = performance.now();
  const { members, problems } = readRoster(csv(count));
  if (problems.length > 0) throw new Error(`generated roster has problems: ${problems[0]!.message}`);
  const chunks = rosterChunks(members);
  return { chunks, readMs: performance.now() - started };
}

const state = mkdtempSync(path.join(ROOT, 'tmp', 'bench-roster-'));
// Adds what .dev.vars lacks (the bootstrap secret that makes the admin below) before the server copies it.
devVars();
const quiet = await waitForQuiet();
// A snapshot of the code: wrangler dev would reload the Worker if this checkout changed meanwhile.
const server = await startDevServer({ state, code: snapshotCode(path.join(state, 'code')) });
const base = server.base.origin;
// An admin's API token on this server (made with the bootstrap secret from .dev.vars).
const HEADERS = { Authorization: `Bearer ${await scriptStaffToken(server.base)}`, 'Content-Type': 'application/json' };
let peakKiB = 0;
const idleKiB = treeRss(server.pid).sumKiB;
const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, treeRss(server.pid).sumKiB)), 200);

async function call(method: string, url: string, body?: unknown): Promise<any> {
  for (;;) {
    const response = await fetch(`${base}${url}`, { method, headers: HEADERS, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (response.ok) return response.json();
    if (response.status < 500) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  }
}

/** Sends every chunk, `IN_FLIGHT` at a time; then applies and waits until applied. Times both. */
async function upload(chunks: RosterChunkRow[][], mode: 'merge' | 'replace') {
  const id = await rosterUploadId(chunks);
  const url = `/api/staff/roster/uploads/${id}`;
  const cpuBefore = treeCpuMs(server.pid);
  let started = performance.now();
  await call('PUT', url, { chunks: chunks.length });
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let n = next++; n < chunks.length; n = next++) await call('PUT', `${url}/chunks/${n}`, { rows: chunks[n] });
    }),
  );
  const sendMs = performance.now() - started;
  const sendCpuMs = treeCpuMs(server.pid) - cpuBefore;
  started = performance.now();
  let answer = await call('POST', `${url}/apply`, { mode });
  for (let polls = 1; answer.status !== 'applied'; polls++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    answer = await call('GET', url);
    if (polls % 30 === 0) console.log(`${mode}: ${answer.written} written, ${answer.removed} removed after ${round((performance.now() - started) / 1000)} s; RSS peak so far ${round(peakKiB / 1024)} MiB`);
  }
  return { mode, chunks: chunks.length, members: answer.members, written: answer.written, removed: answer.removed, sendMs, sendCpuMs, applyMs: performance.now() - started };
}

try {
  const { chunks, readMs } = prepare(ROWS);
  console.log(`sending ${chunks.length} chunks`);
  const runs = [await upload(chunks, 'merge')];
  if (MODES.includes('replace')) runs.push(await upload(prepare(ROWS - 1).chunks, 'replace'));
  clearInterval(sampler);
  const result = { date: new Date().toISOString(), machine: machine(), quiet, rows: ROWS, inFlight: IN_FLIGHT, readMs, idleKiB, peakKiB, runs };
  writeFileSync(path.join(ROOT, 'bench', 'results', 'roster-upload.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`rows ${ROWS}: read and chunked in ${round(readMs)} ms (this process, as the browser does); wrangler dev RSS idle ${round(idleKiB / 1024)} MiB, peak ${round(peakKiB / 1024)} MiB`);
  console.log(
    markdownTable(
      ['apply', 'chunks', 'send (s)', 'Worker CPU while sending (ms per chunk)', 'apply (s)', 'written', 'removed'],
      runs.map((run) => [run.mode, run.chunks, round(run.sendMs / 1000), round(run.sendCpuMs / run.chunks), round(run.applyMs / 1000), run.written, run.removed]),
    ),
  );
} finally {
  clearInterval(sampler);
  await server.stop();
  rmSync(state, { recursive: true, force: true });
}
