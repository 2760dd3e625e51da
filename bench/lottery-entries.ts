/**
 * npm run bench:lottery-entries — 5,000 members enter one lottery in its first minute (issue 12).
 *
 * Like bench:claims, through HTTP against `wrangler dev` on the built site: the demo members are
 * imported once and sign in once on a server of their own (their signed cookies stay valid on the
 * next). Then a fresh server with a catalogue holding one lottery screening (a 300-seat hall, released
 * a known instant later, drawn `--draw-after-seconds` after the release), and:
 *   1. the bare route: GET /api/health, closed loop over C connections, before the release;
 *   2. at the release instant every member POSTs /api/screenings/:id/lottery ({ seats: 1 }, every
 *      fourth { seats: 2 }) over C keep-alive connections, in a shuffled order: entries/s, latency
 *      percentiles, status codes (every entry must be a 201; anything else counts as an error);
 *   3. the bare route again (the baseline is the median of the two);
 *   4. verifies: GET …/lottery for a sample of members shows their entry (seats, entrant) as the POST
 *      answered it; then, once the draw time has passed, the published draw (GET …/draw) lists exactly
 *      the entries the POSTs made (entrant and seats), with nobody twice.
 *
 * Options: --members 5000 --connections 200 --sample 200 --phase-seconds 8 --lead-seconds 40
 * --draw-after-seconds 150 --keep. The npm script raises the open-files limit first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { closedLoopGet } from './lib/bare-route.ts';
import { writeHall, writeScreeningCatalogue } from './lib/bench-catalogue.ts';
import { demoMembers, importDemoMembers, signInMembers } from './lib/demo-members.ts';
import { snapshotCode, startDevServer } from './lib/dev-server.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { closedLoop, pool, request, tally, type Response } from './lib/http.ts';
import { machine } from './lib/machine.ts';
import { treeCpuMs } from './lib/process-tree.ts';
import { prng, shuffle } from './lib/prng.ts';
import { latencySummary, markdownTable, median, perSecond, round } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '5000' },
    connections: { type: 'string', default: '200' },
    sample: { type: 'string', default: '200' },
    'phase-seconds': { type: 'string', default: '8' },
    'lead-seconds': { type: 'string', default: '40' },
    'draw-after-seconds': { type: 'string', default: '150' },
    keep: { type: 'boolean', default: false },
  },
});
const MEMBERS = Number(values.members);
const CONNECTIONS = Number(values.connections);
const SAMPLE = Math.min(MEMBERS, Number(values.sample));
const PHASE_MS = Number(values['phase-seconds']) * 1000;
const LEAD_MS = Number(values['lead-seconds']) * 1000;
const DRAW_AFTER_MS = Number(values['draw-after-seconds']) * 1000;
const SIGN_IN_CONNECTIONS = 100;
// wrangler dev's per-request log lines cost CPU on this 2-core machine: warnings and errors only.
const SERVER_OPTIONS = { extraArgs: ['--log-level', 'warn'] };
const load = () => loadavg().map((x) => round(x, 2));

if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
  console.log('dist/ is missing: npm run build');
  if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, env: childEnv(), stdio: 'inherit' }).status !== 0) process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-lottery-entries-'));
mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const code = snapshotCode(mkdtempSync(path.join(ROOT, 'tmp', 'bench-lottery-entries-code-')));
const revision = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim();
const template = path.join(work, 'template');
const contentDir = path.join(work, 'content');
const members = demoMembers(MEMBERS);

try {
  console.log(`bench:lottery-entries — work folder ${work}; importing ${MEMBERS} demo members…`);
  const importS = importDemoMembers(template, MEMBERS);
  console.log(`  imported in ${importS} s`);

  // Sign in once, on a server of its own.
  const signInState = path.join(work, 'sign-in');
  cpSync(template, signInState, { recursive: true });
  const signInServer = await startDevServer({ state: signInState, code, ...SERVER_OPTIONS });
  let signedIn: Awaited<ReturnType<typeof signInMembers>>;
  try {
    signedIn = await signInMembers(signInServer, members, SIGN_IN_CONNECTIONS);
  } finally {
    await signInServer.stop();
  }
  console.log(`  ${MEMBERS} members signed in at ${signedIn.ratePerS}/s, p50/p95/p99 ${signedIn.latency.p50}/${signedIn.latency.p95}/${signedIn.latency.p99} ms`);

  // The lottery screening: a 300-seat hall, starting in about a day, released LEAD_MS from now.
  const id = 'bench-lottery';
  const state = path.join(work, 'round');
  cpSync(template, state, { recursive: true });
  writeHall(contentDir, 'bench-300', 15, 20);
  const roundStart = Date.now();
  const releaseAt = Math.ceil((roundStart + LEAD_MS) / 1_000) * 1_000;
  const drawAt = releaseAt + DRAW_AFTER_MS;
  const startsAt = Math.ceil((roundStart + 24 * 3_600_000) / 3_600_000) * 3_600_000;
  const catalogue = path.join(state, 'catalogue.json');
  writeScreeningCatalogue(contentDir, catalogue, { id, hall: 'bench-300', startsAt, releaseAt, drawAt });
  const server = await startDevServer({ state, catalogue, code, ...SERVER_OPTIONS });
  const lotteryPath = `/api/screenings/${id}/lottery`;
  try {
    const before = await request(pool(1), server.base, 'GET', lotteryPath, { headers: { Cookie: signedIn.cookies[0]!, 'CF-Connecting-IP': members[0]!.ip } });
    if (before.json?.lottery?.state !== 'not_open') throw new Error(`the bench lottery is not waiting for its release: ${before.status} ${before.text.slice(0, 200)}`);
    console.log(`\nserver ready after ${round((Date.now() - roundStart) / 1000, 1)} s; release at ${new Date(releaseAt).toISOString()}, draw at ${new Date(drawAt).toISOString()}`);

    let healthBefore: Awaited<ReturnType<typeof closedLoopGet>> | undefined;
    if (releaseAt - Date.now() > PHASE_MS + 5_000) {
      healthBefore = await closedLoopGet(server, CONNECTIONS, '/api/health', PHASE_MS);
      console.log(`  GET /api/health ×${CONNECTIONS}: ${healthBefore.ratePerS}/s, p50 ${healthBefore.latency.p50} ms`);
    }
    const lateByMs = Math.max(0, Date.now() - releaseAt);
    if (lateByMs > 0) console.log(`  ! the set-up overran the release by ${lateByMs} ms: firing now`);
    await sleep(Math.max(0, releaseAt - Date.now()));

    // The entries: each member once, in a shuffled order, every fourth (by member number) with a guest.
    const seatsOf = (index: number) => (index % 4 === 3 ? 2 : 1);
    const entrants = shuffle(prng(12), members);
    const agent = pool(CONNECTIONS);
    const loadAtRelease = load();
    const cpu0 = treeCpuMs(server.pid);
    const answers: { member: number; at: number; status: number; ms: number; entrant?: string; seats?: number }[] = [];
    const fired = performance.now();
    const run = await closedLoop(
      CONNECTIONS,
      async (_, i) => {
        const member = entrants[i]!;
        const r = await request(agent, server.base, 'POST', lotteryPath, {
          headers: { Cookie: signedIn.cookies[member.index]!, 'CF-Connecting-IP': member.ip },
          body: { seats: seatsOf(member.index) },
        });
        const entry = r.json?.lottery?.entry;
        answers.push({ member: member.index, at: performance.now() - fired, status: r.status, ms: r.ms, entrant: entry?.entrant, seats: entry?.seats });
        return r;
      },
      { count: MEMBERS },
    );
    agent.destroy();
    const entries = {
      count: run.responses.length,
      ratePerS: perSecond(run.responses.length, run.elapsedMs),
      allAnsweredS: round(run.elapsedMs / 1000, 2),
      inFirstMinute: answers.filter((a) => a.status === 201 && a.at <= 60_000).length,
      serverCpuMs: round((treeCpuMs(server.pid) - cpu0) / run.responses.length, 2),
      latency: latencySummary(run.responses.map((r) => r.ms)),
      ...tally(run.responses),
      errors: run.responses.filter((r) => r.status !== 201).length,
      fiveXX: run.responses.filter((r) => r.status >= 500 || r.status === 0).length,
      loadavgAtRelease: loadAtRelease,
      loadavgAfter: load(),
    };
    console.log(
      `  entries: ${entries.count} in ${entries.allAnsweredS} s = ${entries.ratePerS}/s (${entries.inFirstMinute} entered in the first minute); ` +
        `p50/p95/p99/max ${entries.latency.p50}/${entries.latency.p95}/${entries.latency.p99}/${entries.latency.max} ms; statuses ${JSON.stringify(entries.statuses)} ${JSON.stringify(entries.codes)}; ` +
        `load average ${loadAtRelease.join(' ')} → ${entries.loadavgAfter.join(' ')}`,
    );
    const healthAfter = await closedLoopGet(server, CONNECTIONS, '/api/health', PHASE_MS);
    const baseline = round(median([healthBefore?.ratePerS, healthAfter.ratePerS].filter((x): x is number => x !== undefined)), 1);
    console.log(`  GET /api/health ×${CONNECTIONS} after: ${healthAfter.ratePerS}/s → baseline ${baseline}/s; entries vs bare ${round(entries.ratePerS / baseline, 2)}×`);

    // ---- verification ----
    const byMember = new Map(answers.map((a) => [a.member, a]));
    const api = pool(20);
    const sample = shuffle(prng(13), members).slice(0, SAMPLE);
    // closedLoop collects answers in the order they arrive: keep each by its member.
    const sampled: Response[] = new Array(sample.length);
    await closedLoop(
      20,
      async (_, i) =>
        (sampled[i] = await request(api, server.base, 'GET', lotteryPath, { headers: { Cookie: signedIn.cookies[sample[i]!.index]!, 'CF-Connecting-IP': sample[i]!.ip } })),
      { count: sample.length },
    );
    const sampleMismatches = sampled.filter((r, i) => {
      const entry = r.json?.lottery?.entry;
      const posted = byMember.get(sample[i]!.index);
      return r.status !== 200 || !entry || entry.seats !== seatsOf(sample[i]!.index) || entry.entrant !== posted?.entrant;
    }).length;
    console.log(`  sample: ${sample.length} members' GET …/lottery, ${sampleMismatches} not showing their entry as posted; waiting for the draw at ${new Date(drawAt).toISOString()}…`);

    await sleep(Math.max(0, drawAt + 1_000 - Date.now()));
    // A member's status read draws first if the alarm has not (docs/api.md); then the published draw.
    await request(api, server.base, 'GET', lotteryPath, { headers: { Cookie: signedIn.cookies[0]!, 'CF-Connecting-IP': members[0]!.ip } });
    let draw: any;
    for (let attempt = 0; attempt < 30; attempt++) {
      draw = (await request(api, server.base, 'GET', `/api/screenings/${id}/draw`)).json?.draw;
      if (draw?.state === 'drawn') break;
      await sleep(2_000);
    }
    api.destroy();
    const published: { entrant: string; seats: number }[] = draw?.entries ?? [];
    const posted = new Map(answers.filter((a) => a.status === 201).map((a) => [a.entrant!, a.seats!]));
    const publishedEntrants = new Set(published.map((e) => e.entrant));
    const verify = {
      drawState: draw?.state,
      publishedEntries: published.length,
      distinctPublishedEntrants: publishedEntrants.size,
      postedEntries: posted.size,
      publishedMatchesPosted: published.length === posted.size && published.every((e) => posted.get(e.entrant) === e.seats),
      pairs: published.filter((e) => e.seats === 2).length,
      expectedPairs: members.filter((m) => seatsOf(m.index) === 2).length,
      winners: draw?.winners?.length,
      sampled: sample.length,
      sampleMismatches,
    };
    const verified =
      verify.drawState === 'drawn' &&
      verify.publishedEntries === MEMBERS &&
      verify.distinctPublishedEntrants === MEMBERS &&
      verify.publishedMatchesPosted &&
      verify.pairs === verify.expectedPairs &&
      verify.sampleMismatches === 0 &&
      entries.errors === 0;
    console.log(`  verify: ${JSON.stringify(verify)} → ${verified ? 'OK' : 'FAILED'}`);

    const report = {
      machine: machine(),
      revision,
      members: MEMBERS,
      connections: CONNECTIONS,
      phaseSeconds: PHASE_MS / 1000,
      importS,
      signIn: { ratePerS: signedIn.ratePerS, latency: signedIn.latency, statuses: signedIn.statuses, connections: SIGN_IN_CONNECTIONS },
      lateByMs,
      healthBefore,
      healthAfter,
      baselinePerS: baseline,
      entries,
      entriesVsBare: round(entries.ratePerS / baseline, 2),
      verify,
      verified,
    };
    mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    const file = path.join(ROOT, 'bench', 'results', `lottery-entries-${MEMBERS}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log('');
    console.log(
      markdownTable(
        ['members', 'connections', 'GET /api/health /s', 'entries /s', 'vs bare', 'p50 / p95 / p99 / max ms', 'all answered s', 'statuses', 'load average (1, 5, 15 min) at release → after', 'verified'],
        [
          [
            MEMBERS,
            CONNECTIONS,
            baseline,
            entries.ratePerS,
            `${report.entriesVsBare}×`,
            `${entries.latency.p50} / ${entries.latency.p95} / ${entries.latency.p99} / ${entries.latency.max}`,
            entries.allAnsweredS,
            JSON.stringify(entries.statuses),
            `${loadAtRelease.join(', ')} → ${entries.loadavgAfter.join(', ')}`,
            verified ? 'yes' : 'NO',
          ],
        ],
      ),
    );
    console.log(`\nwritten ${path.relative(ROOT, file)}`);
    if (!verified) {
      console.error('\nVERIFICATION FAILED: see above');
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  rmSync(code, { recursive: true, force: true });
}
