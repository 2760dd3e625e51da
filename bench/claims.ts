/**
 * npm run bench:claims — the noon rush.
 *
 * First the 5,000 distinct demo members sign in (POST /api/session) on a server of their own; their
 * session cookies are signed, not stored, so they stay valid on every later server with the same
 * secrets. Then each round starts `wrangler dev` on the built site with fresh local state (a copy of a
 * state folder holding only the imported demo members) and a catalogue with one 300-seat screening
 * released a known instant later, and:
 *   1. measures the bare baseline: GET /api/health, closed loop at the round's concurrency;
 *   2. three seconds before the release, starts 1,000 readers polling the seat map the way the cinema
 *      page does (every 5 s ± 20 %, backing off after a failure: src/cinema/poll-delay.ts);
 *   3. at the release instant fires every member's claim over C keep-alive connections (C = 200 or
 *      1,000), half choosing a seat near the centre (retrying a suggested seat when theirs went, then
 *      best available), half asking for best available, until every claimant has a definitive answer
 *      (a ticket, or sold out);
 *   4. verifies: tickets = 300, distinct seats = 300, no member with two tickets, KV seat map (after the
 *      write-through) = the object's tickets (attendance CSV) = the tickets the claims returned, zero 5xx;
 *   5. after the sell-out: another batch of claims from members without tickets (refused by the Worker's
 *      sold-out cache, not the object), the seat map in a closed loop, and the bare route again.
 *
 * Options: --concurrency 200,1000 --runs 3 --members 5000 --readers 1000 --phase-seconds 8
 * --lead-seconds 40 --keep --code <folder with functions/, src/, dist/> (try a patch) --without-rate-limits
 * The npm script raises the open-files limit to the hard limit first (ulimit -n).
 * Bounded: every request times out after 60 s, every phase has a deadline, and each server is stopped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import { nextPollDelay } from '../src/cinema/poll-delay.ts';
import { withSeatStatuses } from '../src/cinema/seat-statuses.ts';
import { closedLoopGet } from './lib/bare-route.ts';
import { writeHall, writeScreeningCatalogue } from './lib/bench-catalogue.ts';
import { address, demoMembers, importDemoMembers, signInMembers } from './lib/demo-members.ts';
import { snapshotCode, startDevServer, type DevServer } from './lib/dev-server.ts';
import { ROOT, childEnv } from './lib/env.ts';
import { closedLoop, pool, request, tally, type Response } from './lib/http.ts';
import { machine, waitForQuiet } from './lib/machine.ts';
import { treeCpuMs } from './lib/process-tree.ts';
import { prng, shuffle } from './lib/prng.ts';
import { latencySummary, markdownTable, median, perSecond as rate, round } from './lib/stats.ts';
import { scriptStaffToken } from '../scripts/staff/script-token.ts';

const { values } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '200,1000' },
    runs: { type: 'string', default: '3' },
    members: { type: 'string', default: '5000' },
    readers: { type: 'string', default: '1000' },
    'phase-seconds': { type: 'string', default: '8' },
    /** The first round's time from start-up to the release; later rounds adapt to what it took. */
    'lead-seconds': { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
    /** Run this snapshot of the code (a folder with functions/, src/, dist/) instead of the checkout's: for trying a patch. */
    code: { type: 'string' },
    /** Serve without the Workers Rate Limiting bindings (see BENCHMARKS.md: miniflare simulates them in one Durable Object). */
    'without-rate-limits': { type: 'boolean', default: false },
  },
});
// wrangler dev's per-request log lines cost ~15 % of this 2-core machine's CPU: warnings and errors only.
const SERVER_OPTIONS = { extraArgs: ['--log-level', 'warn'], withoutRateLimits: values['without-rate-limits'] };
const CONCURRENCY = values.concurrency.split(',').map(Number);
const RUNS = Number(values.runs);
const MEMBERS = Number(values.members);
const READERS = Number(values.readers);
const PHASE_MS = Number(values['phase-seconds']) * 1000;
const SEATS = 300;
const ROWS = 15;
const PER_ROW = 20;
const SIGN_IN_CONNECTIONS = 100;
/** A whole rush may take at most this long before the bench gives up on it. */
const RUSH_DEADLINE_MS = 5 * 60_000;

// ---- set-up ---------------------------------------------------------------------------------------

const fdLimit = Number(execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
const fdHard = execFileSync('/bin/sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).trim();
const fdNeeded = Math.max(...CONCURRENCY) + READERS + 2_000;
console.log(`bench:claims — open-files limit ${fdLimit} (hard ${fdHard}); this bench needs about ${fdNeeded}`);
if (fdLimit < fdNeeded) {
  console.error(`raise it first: ulimit -n ${fdNeeded} (npm run bench:claims does this)`);
  process.exit(1);
}
if (!existsSync(path.join(ROOT, 'dist', 'index.html')) || !existsSync(path.join(ROOT, 'functions', 'generated', 'catalogue.json'))) {
  console.log('dist/ is missing: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env: childEnv(), stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'huigong-bench-claims-'));
// One snapshot of the Worker's code and the site for every round (see snapshotCode).
mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
const code = values.code ? path.resolve(values.code) : snapshotCode(mkdtempSync(path.join(ROOT, 'tmp', 'bench-claims-code-')));
const revision = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim();
const template = path.join(work, 'template');
const contentDir = path.join(work, 'content');
console.log(`work folder ${work}; importing ${MEMBERS} demo members once into a template state folder…`);
const importS = importDemoMembers(template, MEMBERS);
console.log(`  imported in ${importS} s`);

// A 300-seat hall: 15 rows of 20, aisles after seats 5 and 15, best row by the default rule (row 9).
writeHall(contentDir, 'bench-300', ROWS, PER_ROW);
const members = demoMembers(MEMBERS);

// ---- one round ------------------------------------------------------------------------------------

interface ClaimRecord {
  member: number;
  at: number;
  ms: number;
  status: number;
  code?: string;
}

function errorCode(r: Response): string | undefined {
  return r.json?.error?.code;
}

const is5xx = (r: Response) => r.status >= 500;

const bare = (server: DevServer, connections: number, path_: string) => closedLoopGet(server, connections, path_, PHASE_MS);

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A seat near the centre of the best row, as a member tapping the map would pick. */
function centreSeat(random: () => number): string {
  const row = Math.min(ROWS, Math.max(1, Math.round(9 + 2 * gaussian(random))));
  const seat = Math.min(PER_ROW, Math.max(1, Math.round((PER_ROW + 1) / 2 + 3 * gaussian(random))));
  return `${row}-${seat}`;
}

async function round_(run: number, connections: number, leadMs: number) {
  const id = `bench-r${run}-c${connections}`;
  const quiet = await waitForQuiet();
  const state = path.join(work, id);
  cpSync(template, state, { recursive: true });
  // The screening: starts in about four hours, released `leadMs` from now.
  const roundStart = Date.now();
  const releaseAt = Math.ceil((roundStart + leadMs) / 1_000) * 1_000;
  const startsAt = Math.ceil((roundStart + 4 * 3_600_000) / 3_600_000) * 3_600_000;
  const catalogue = path.join(state, 'catalogue.json');
  writeScreeningCatalogue(contentDir, catalogue, { id, hall: 'bench-300', startsAt, releaseAt });

  console.log(
    `\n[${id}] ${connections} connections; release at ${new Date(releaseAt).toISOString()} (in ${round(leadMs / 1000, 0)} s); ` +
      `CPU busy before: ${Math.round(quiet.busy * 100)} % (waited ${quiet.waitedS} s for others to finish)`,
  );
  const server = await startDevServer({ state, catalogue, code, ...SERVER_OPTIONS });
  const readyMs = Date.now() - roundStart;
  try {
    const seatsPath = `/api/screenings/${id}/seats`;
    const claimPath = `/api/screenings/${id}/claims`;
    const initial = await request(pool(1), server.base, 'GET', seatsPath);
    if (initial.json?.capacity !== SEATS) throw new Error(`the bench screening has ${initial.json?.capacity} seats, expected ${SEATS}`);

    console.log(`  server ready after ${round(readyMs / 1000, 1)} s`);
    const preparedMs = Date.now() - roundStart;

    // The bare route, before the release (only if it fits).
    let healthBefore: Awaited<ReturnType<typeof bare>> | undefined;
    if (releaseAt - Date.now() > PHASE_MS + 8_000) {
      healthBefore = await bare(server, connections, '/api/health');
      console.log(`  GET /api/health ×${connections}: ${healthBefore.ratePerS}/s, p50 ${healthBefore.latency.p50} ms`);
    }
    const lateByMs = Math.max(0, Date.now() - releaseAt);
    if (lateByMs > 0) console.log(`  ! the set-up overran the release by ${lateByMs} ms: firing now`);

    // Readers: the cinema page's polling, started a few seconds before the release.
    await sleep(Math.max(0, releaseAt - 3_000 - Date.now()));
    const readerAgent = pool(READERS);
    const stopReaders = new AbortController();
    const reads: (Response & { at: number })[] = [];
    const readersStarted = performance.now();
    const readers = Array.from({ length: READERS }, async (_, r) => {
      const random = prng(10_000 + r);
      try {
        await sleep(random() * 5_000, undefined, { signal: stopReaders.signal });
        let delay = 5_000;
        while (!stopReaders.signal.aborted) {
          const res = await request(readerAgent, server.base, 'GET', seatsPath, { headers: { 'CF-Connecting-IP': address(200, r) } });
          reads.push({ ...res, at: performance.now() });
          delay = nextPollDelay(delay, res.status === 200, random);
          await sleep(delay, undefined, { signal: stopReaders.signal });
        }
      } catch {
        // aborted while waiting
      }
    });

    // The rush.
    await sleep(Math.max(0, releaseAt - Date.now()));
    const random = prng(run * 1000 + connections);
    const claimants = shuffle(random, members);
    const claimAgent = pool(connections);
    const claims: ClaimRecord[] = [];
    const tickets: { member: number; code: string; seat: string }[] = [];
    const outcomes: Record<string, number> = {};
    const finishedAt: number[] = [];
    const rushCpu0 = treeCpuMs(server.pid);
    const fired = performance.now();
    const rushDeadline = fired + RUSH_DEADLINE_MS;
    let next = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < claimants.length && performance.now() < rushDeadline) {
          const member = claimants[next++]!;
          const cookie = signedIn.cookies[member.index]!;
          let seat = member.index % 2 === 0 ? centreSeat(random) : undefined;
          let attempt = 1;
          let seatTries = 0;
          let failures = 0;
          let outcome: string | undefined;
          while (!outcome && performance.now() < rushDeadline) {
            const r = await request(claimAgent, server.base, 'POST', claimPath, {
              headers: { Cookie: cookie, 'Idempotency-Key': `bench-${member.number}-${attempt}`, 'CF-Connecting-IP': member.ip },
              body: seat ? { seat } : {},
            });
            const code = errorCode(r);
            claims.push({ member: member.index, at: performance.now() - fired, ms: r.ms, status: r.status, ...(code ? { code } : {}) });
            if (r.status === 201 || r.status === 200) {
              // 200 is a replay of a claim whose first answer was lost: the same ticket again.
              if (r.status === 201 || !tickets.some((t) => t.code === r.json.ticket.code)) tickets.push({ member: member.index, code: r.json.ticket.code, seat: r.json.ticket.seat });
              outcome = 'ticket';
            } else if (code === 'sold_out') {
              outcome = 'sold_out';
            } else if (code === 'seat_taken') {
              // Take one of the suggested seats, as the page offers; after three misses, best available.
              const suggestions: string[] = r.json.error.suggestions ?? [];
              seatTries++;
              seat = seatTries < 3 && suggestions.length ? suggestions[Math.floor(random() * Math.min(3, suggestions.length))] : undefined;
              attempt++;
            } else if (r.status === 0 || r.status >= 500 || r.status === 429) {
              // Retry with the same Idempotency-Key, as the page does when an answer is lost.
              if (++failures >= 3) outcome = `error ${r.status}`;
              else await sleep(200 * failures);
            } else {
              outcome = code ?? `status ${r.status}`;
            }
          }
          outcomes[outcome ?? 'deadline'] = (outcomes[outcome ?? 'deadline'] ?? 0) + 1;
          finishedAt.push(performance.now() - fired);
        }
      }),
    );
    const allAnsweredMs = Math.max(...finishedAt);
    const rushCpuMs = treeCpuMs(server.pid) - rushCpu0;
    claimAgent.destroy();
    stopReaders.abort();
    await Promise.all(readers);
    const readersMs = performance.now() - readersStarted;
    readerAgent.destroy();

    const lastTicketAt = Math.max(...claims.filter((c) => c.status === 201).map((c) => c.at));
    const untilSoldOut = claims.filter((c) => c.at <= lastTicketAt);
    const rush = {
      claimants: finishedAt.length,
      claimRequests: claims.length,
      claimsPerS: rate(claims.length, allAnsweredMs),
      allAnsweredS: round(allAnsweredMs / 1000, 2),
      lastTicketS: round(lastTicketAt / 1000, 2),
      claimsPerSUntilSoldOut: rate(untilSoldOut.length, lastTicketAt),
      latency: latencySummary(claims.map((c) => c.ms)),
      latencyUntilSoldOut: latencySummary(untilSoldOut.map((c) => c.ms)),
      outcomes,
      statuses: Object.fromEntries(Object.entries(Object.groupBy(claims, (c) => String(c.status))).map(([k, v]) => [k, v!.length])),
      codes: Object.fromEntries(Object.entries(Object.groupBy(claims, (c) => c.code ?? '(ticket)')).map(([k, v]) => [k, v!.length])),
      errors: claims.filter((c) => c.status === 0 || c.status >= 500).length,
      /** wrangler dev's CPU during the rush, per request answered (claims and the readers' reads). */
      serverCpuMsPerRequest: round(rushCpuMs / (claims.length + reads.filter((r) => r.at >= fired).length), 2),
      fiveXX: claims.filter((c) => c.status >= 500).length,
      lateByMs,
    };
    const readerSummary = {
      readers: READERS,
      reads: reads.length,
      ratePerS: rate(reads.length, readersMs),
      latency: latencySummary(reads.map((r) => r.ms)),
      ...tally(reads),
      fiveXX: reads.filter(is5xx).length,
      errors: reads.filter((r) => r.status !== 200).length,
    };
    console.log(
      `  rush: ${rush.claimRequests} claims from ${rush.claimants} members in ${rush.allAnsweredS} s = ${rush.claimsPerS}/s ` +
        `(until sold out at ${rush.lastTicketS} s: ${rush.claimsPerSUntilSoldOut}/s); p50/p95/p99 ${rush.latency.p50}/${rush.latency.p95}/${rush.latency.p99} ms; ` +
        `outcomes ${JSON.stringify(outcomes)}; errors ${rush.errors}`,
    );
    console.log(
      `  readers: ${readerSummary.reads} seat-map reads at ${readerSummary.ratePerS}/s, p50/p95/p99 ${readerSummary.latency.p50}/${readerSummary.latency.p95}/${readerSummary.latency.p99} ms, non-200 ${readerSummary.errors}`,
    );

    // ---- verification ----
    const api = pool(50);
    const layout = (await request(api, server.base, 'GET', `/api/screenings/${id}/layout`)).json;
    const kvWaitStart = performance.now();
    let kvMap: any;
    let kvRows: ReturnType<typeof withSeatStatuses>;
    while (performance.now() - kvWaitStart < 20_000) {
      kvMap = (await request(api, server.base, 'GET', seatsPath)).json;
      kvRows = withSeatStatuses(layout?.rows ?? [], kvMap?.statuses ?? '');
      const taken = kvRows?.flatMap((row) => row.seats).filter((s) => s.status !== 'free').length;
      if (kvMap?.available === 0 && taken === SEATS) break;
      await sleep(250);
    }
    const kvConvergedS = round((performance.now() - kvWaitStart) / 1000, 2);
    const kvSeats = new Set<string>((kvRows ?? []).flatMap((row) => row.seats).filter((s: any) => s.status === 'taken').map((s: any) => s.id));
    // An admin's API token on this round's server (made with the bootstrap secret from .dev.vars).
    const STAFF = { Authorization: `Bearer ${await scriptStaffToken(server.base)}` };
    const stats = (await request(api, server.base, 'GET', `/api/staff/screenings/${id}/stats`, { headers: STAFF })).json;
    const csvText = (await request(api, server.base, 'GET', `/api/staff/screenings/${id}/attendance.csv`, { headers: STAFF })).text;
    const rows: string[][] = parseCsv(csvText, { bom: true, from_line: 2 });
    const activeRows = rows.filter((row) => row[4] !== '已退');
    const objectSeats = new Set(activeRows.map((row) => row[1]!));
    const objectCodes = new Set(activeRows.map((row) => row[0]!));
    const ticketSeats = new Set(tickets.map((t) => t.seat));
    const ticketCodes = new Set(tickets.map((t) => t.code));
    const perMember = Object.groupBy(tickets, (t) => String(t.member));
    const doubleHolders = Object.values(perMember).filter((list) => list!.length > 1).length;
    // Each winner's own ticket list (from KV) holds exactly one ticket for this screening.
    const winners = [...new Set(tickets.map((t) => t.member))];
    const { responses: mine } = await closedLoop(
      50,
      (_, i) => request(api, server.base, 'GET', '/api/me/tickets', { headers: { Cookie: signedIn.cookies[winners[i]!]!, 'CF-Connecting-IP': members[winners[i]!]!.ip } }),
      { count: winners.length },
    );
    const winnersWithOtherThanOne = mine.filter((r) => r.json?.tickets?.filter((t: any) => t.screening.id === id && t.status === 'active').length !== 1).length;
    const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
    const verify = {
      tickets: tickets.length,
      distinctSeats: ticketSeats.size,
      distinctMembers: winners.length,
      membersWithTwoTickets: doubleHolders,
      winnersWhoseTicketListIsNotExactlyOne: winnersWithOtherThanOne,
      objectClaimed: stats.claimed,
      objectAvailable: stats.available,
      attendanceRows: activeRows.length,
      attendanceMatchesClaims: sameSet(objectCodes, ticketCodes) && sameSet(objectSeats, ticketSeats),
      kvSeatMapMatchesObject: sameSet(kvSeats, objectSeats) && kvMap?.available === stats.available,
      kvConvergedS,
      fiveXX: rush.fiveXX + readerSummary.fiveXX,
    };
    const verified =
      verify.tickets === SEATS &&
      verify.distinctSeats === SEATS &&
      verify.distinctMembers === SEATS &&
      verify.membersWithTwoTickets === 0 &&
      verify.winnersWhoseTicketListIsNotExactlyOne === 0 &&
      verify.objectClaimed === SEATS &&
      verify.objectAvailable === 0 &&
      verify.attendanceRows === SEATS &&
      verify.attendanceMatchesClaims &&
      verify.kvSeatMapMatchesObject &&
      verify.fiveXX === 0;
    console.log(
      `  verify: tickets ${verify.tickets}, distinct seats ${verify.distinctSeats}, distinct members ${verify.distinctMembers}, ` +
        `members with two tickets ${verify.membersWithTwoTickets}, object claimed ${verify.objectClaimed}/available ${verify.objectAvailable}, ` +
        `attendance rows ${verify.attendanceRows} (= claims: ${verify.attendanceMatchesClaims}), KV seat map = object: ${verify.kvSeatMapMatchesObject} ` +
        `(converged in ${verify.kvConvergedS} s), 5xx ${verify.fiveXX} → ${verified ? 'OK' : 'FAILED'}`,
    );

    // ---- after the sell-out: refusals, seat map, bare route ----
    const losers = claimants.filter((m) => !perMember[String(m.index)]);
    const refusalAgent = pool(connections);
    const refusalCpu0 = treeCpuMs(server.pid);
    const refusalRun = await closedLoop(
      connections,
      (_, i) => {
        const member = losers[i % losers.length]!;
        // As the cinema page sends them: a fresh Idempotency-Key with every tap.
        return request(refusalAgent, server.base, 'POST', claimPath, {
          headers: { Cookie: signedIn.cookies[member.index]!, 'CF-Connecting-IP': member.ip, 'Idempotency-Key': `late-${run}-${i}-${member.number}` },
          body: {},
        });
      },
      { durationMs: PHASE_MS },
    );
    refusalAgent.destroy();
    const refusals = {
      requests: refusalRun.responses.length,
      ratePerS: rate(refusalRun.responses.length, refusalRun.elapsedMs),
      serverCpuMs: round((treeCpuMs(server.pid) - refusalCpu0) / refusalRun.responses.length, 2),
      latency: latencySummary(refusalRun.responses.map((r) => r.ms)),
      ...tally(refusalRun.responses),
    };
    const seatMap = await bare(server, connections, seatsPath);
    const healthAfter = await bare(server, connections, '/api/health');
    api.destroy();
    const healthRates = [healthBefore?.ratePerS, healthAfter.ratePerS].filter((x): x is number => x !== undefined);
    const baseline = round(median(healthRates), 1);
    console.log(
      `  after sell-out ×${connections}: refusals ${refusals.ratePerS}/s ${JSON.stringify(refusals.codes)}; seat map ${seatMap.ratePerS}/s; ` +
        `health ${healthAfter.ratePerS}/s → baseline ${baseline}/s`,
    );
    const fiveXX =
      verify.fiveXX + count5xx(refusals.statuses) + count5xx(seatMap.statuses) + count5xx(healthAfter.statuses) + count5xx(healthBefore?.statuses ?? {});
    return {
      id,
      connections,
      run,
      cpuBusyBefore: quiet.busy,
      leadS: round(leadMs / 1000, 0),
      readyS: round(readyMs / 1000, 1),
      preparedS: round(preparedMs / 1000, 1),
      healthBefore,
      healthAfter,
      baselinePerS: baseline,
      rush,
      readers: readerSummary,
      verify,
      verified,
      refusals,
      seatMap,
      fiveXX,
      cpuRatios: {
        // What the rates would be on a machine of our own: bare route CPU per request / this route's.
        refusals: round(healthAfter.serverCpuMs / refusals.serverCpuMs, 2),
        seatMap: round(healthAfter.serverCpuMs / seatMap.serverCpuMs, 2),
      },
      ratios: {
        claims: round(rush.claimsPerS / baseline, 2),
        claimsUntilSoldOut: round(rush.claimsPerSUntilSoldOut / baseline, 2),
        refusals: round(refusals.ratePerS / baseline, 2),
        seatMap: round(seatMap.ratePerS / baseline, 2),
      },
    };
  } finally {
    await server.stop();
    if (!values.keep) rmSync(state, { recursive: true, force: true });
  }
}

function count5xx(statuses: Record<string, number>): number {
  return Object.entries(statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
}

// ---- the runs -------------------------------------------------------------------------------------

const results: Awaited<ReturnType<typeof round_>>[] = [];
const benchStarted = Date.now();
let lead = Number(values['lead-seconds']) * 1000;
let signedIn: Awaited<ReturnType<typeof signInMembers>>;
try {
  {
    const state = path.join(work, 'sign-in');
    cpSync(template, state, { recursive: true });
    const quiet = await waitForQuiet();
    const server = await startDevServer({ state, code, ...SERVER_OPTIONS });
    try {
      signedIn = await signInMembers(server, members, SIGN_IN_CONNECTIONS);
    } finally {
      await server.stop();
      rmSync(state, { recursive: true, force: true });
    }
    console.log(
      `\n${MEMBERS} members signed in at ${signedIn.ratePerS}/s over ${SIGN_IN_CONNECTIONS} connections, ` +
        `p50/p95/p99 ${signedIn.latency.p50}/${signedIn.latency.p95}/${signedIn.latency.p99} ms (CPU busy before: ${Math.round(quiet.busy * 100)} %)`,
    );
  }
  for (let run = 1; run <= RUNS; run++) {
    // Alternate the order of the concurrency levels between runs.
    const order = run % 2 === 1 ? CONCURRENCY : [...CONCURRENCY].reverse();
    for (const connections of order) {
      const result = await round_(run, connections, lead);
      results.push(result);
      // Next time: what the set-up took, plus the baseline phase and a margin.
      lead = Math.max(30_000, Math.round(result.preparedS * 1000 * 1.3 + PHASE_MS + 12_000));
    }
  }

  const summary = CONCURRENCY.map((connections) => {
    const rs = results.filter((r) => r.connections === connections);
    const m = (f: (r: (typeof rs)[number]) => number) => round(median(rs.map(f)), 1);
    return {
      connections,
      runs: rs.length,
      baselinePerS: m((r) => r.baselinePerS),
      claimsPerS: m((r) => r.rush.claimsPerS),
      claimsPerSUntilSoldOut: m((r) => r.rush.claimsPerSUntilSoldOut),
      claimP50: m((r) => r.rush.latency.p50),
      claimP95: m((r) => r.rush.latency.p95),
      claimP99: m((r) => r.rush.latency.p99),
      allAnsweredS: m((r) => r.rush.allAnsweredS),
      lastTicketS: m((r) => r.rush.lastTicketS),
      readsPerS: m((r) => r.readers.ratePerS),
      readP50: m((r) => r.readers.latency.p50),
      readP95: m((r) => r.readers.latency.p95),
      readP99: m((r) => r.readers.latency.p99),
      refusalsPerS: m((r) => r.refusals.ratePerS),
      cpuMs: {
        health: round(median(rs.map((r) => r.healthAfter.serverCpuMs)), 2),
        seatMap: round(median(rs.map((r) => r.seatMap.serverCpuMs)), 2),
        refusals: round(median(rs.map((r) => r.refusals.serverCpuMs)), 2),
        rushPerRequest: round(median(rs.map((r) => r.rush.serverCpuMsPerRequest)), 2),
      },
      cpuRatios: {
        refusals: round(median(rs.map((r) => r.cpuRatios.refusals)), 2),
        seatMap: round(median(rs.map((r) => r.cpuRatios.seatMap)), 2),
      },
      seatMapPerS: m((r) => r.seatMap.ratePerS),
      claimErrors: rs.reduce((sum, r) => sum + r.rush.errors, 0),
      fiveXX: rs.reduce((sum, r) => sum + r.fiveXX, 0),
      verified: rs.every((r) => r.verified),
      ratios: {
        claims: round(median(rs.map((r) => r.ratios.claims)), 2),
        claimsUntilSoldOut: round(median(rs.map((r) => r.ratios.claimsUntilSoldOut)), 2),
        refusals: round(median(rs.map((r) => r.ratios.refusals)), 2),
        seatMap: round(median(rs.map((r) => r.ratios.seatMap)), 2),
      },
    };
  });
  const signInReport = { ratePerS: signedIn.ratePerS, latency: signedIn.latency, statuses: signedIn.statuses, connections: SIGN_IN_CONNECTIONS };
  const report = { machine: machine(), revision, rateLimits: !values['without-rate-limits'], fdLimit, signIn: signInReport, members: MEMBERS, readers: READERS, phaseSeconds: PHASE_MS / 1000, importS, durationS: round((Date.now() - benchStarted) / 1000, 0), summary, results };
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'results', values['without-rate-limits'] ? 'claims-without-rate-limits.json' : 'claims.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\nMedians of ${RUNS} runs per concurrency (${report.durationS} s; ${report.machine.nproc} × ${report.machine.cpu}, Node ${report.machine.node}, wrangler ${report.machine.wrangler}; open files ${fdLimit})\n`);
  console.log(
    markdownTable(
      ['connections', 'GET /api/health /s', 'claims /s (all answered)', 'claims /s until sold out', 'claim p50/p95/p99 ms', 'all answered s', 'seat-map reads during rush /s, p50/p95/p99 ms', 'refusals after sell-out /s', 'seat map closed loop /s', 'errors', '5xx'],
      summary.map((s) => [
        s.connections,
        s.baselinePerS,
        s.claimsPerS,
        s.claimsPerSUntilSoldOut,
        `${s.claimP50} / ${s.claimP95} / ${s.claimP99}`,
        s.allAnsweredS,
        `${s.readsPerS}, ${s.readP50} / ${s.readP95} / ${s.readP99}`,
        s.refusalsPerS,
        s.seatMapPerS,
        s.claimErrors,
        s.fiveXX,
      ]),
    ),
  );
  console.log('');
  const verdict = (value: number, target: number) => `${value}× (${value >= target ? 'met' : 'missed'}, target ≥ ${target}×)`;
  console.log(
    markdownTable(
      ['connections', 'claims vs bare', 'refusals after sell-out vs bare', 'seat map vs bare', 'oversell / 5xx', 'verified every run'],
      summary.map((s) => [
        s.connections,
        `${verdict(s.ratios.claims, 0.6)}; until sold out ${s.ratios.claimsUntilSoldOut}×`,
        verdict(s.ratios.refusals, 0.9),
        verdict(s.ratios.seatMap, 0.8),
        `0 oversold: ${s.verified ? 'yes' : 'NO'}; 5xx: ${s.fiveXX}`,
        s.verified ? 'yes' : 'NO',
      ]),
    ),
  );
  console.log(`\nCPU time of wrangler dev's processes per request (ms), steadier than rates on a shared machine:\n`);
  console.log(
    markdownTable(
      ['connections', 'GET /api/health', 'seat map', 'refusal after sell-out', 'rush (claims + reads)', 'refusal vs bare by CPU', 'seat map vs bare by CPU'],
      summary.map((s) => [s.connections, s.cpuMs.health, s.cpuMs.seatMap, s.cpuMs.refusals, s.cpuMs.rushPerRequest, `${s.cpuRatios.refusals}×`, `${s.cpuRatios.seatMap}×`]),
    ),
  );
  console.log(`\nwritten ${path.relative(ROOT, file)}`);
  if (!summary.every((s) => s.verified)) {
    console.error('\nVERIFICATION FAILED: see above');
    process.exitCode = 1;
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  if (!values.code) rmSync(code, { recursive: true, force: true });
}
