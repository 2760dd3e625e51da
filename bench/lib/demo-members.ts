/**
 * The demo members the HTTP benches sign in: imported once into a template state folder, signed in once
 * on a server of their own. Their session cookies are signed, not stored, so they stay valid on every
 * later server with the same secrets (.dev.vars).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DevServer } from './dev-server.ts';
import { ROOT, childEnv } from './env.ts';
import { closedLoop, pool, request, tally, type Response } from './http.ts';
import { latencySummary, perSecond, round } from './stats.ts';

/**
 * Each simulated phone has its own address: wrangler dev passes CF-Connecting-IP through (Cloudflare
 * sets it from the real client), and the Worker's per-address limits (60 sign-ins and 600 claims a
 * minute) would otherwise refuse a one-machine load generator, as they should.
 */
export const address = (block: number, i: number) => `10.${block}.${(i >> 8) & 255}.${i & 255}`;

export interface DemoMember {
  index: number;
  number: string;
  phoneLast4: string;
  ip: string;
}

/** DEMO00001… as scripts/dev-setup.ts imports them, each with an address of its own. */
export function demoMembers(count: number): DemoMember[] {
  return Array.from({ length: count }, (_, i) => {
    const number = `DEMO${String(i + 1).padStart(5, '0')}`;
    return { index: i, number, phoneLast4: number.slice(-4), ip: address(1 + (i >> 16), i) };
  });
}

/** Imports `count` demo members into a fresh local state folder `template`; returns the seconds it took. */
export function importDemoMembers(template: string, count: number): number {
  const started = performance.now();
  const setup = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/dev-setup.ts', '--persist-to', template, '--members', String(count)], {
    cwd: ROOT,
    env: childEnv(),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (setup.status !== 0) throw new Error(`dev-setup failed:\n${setup.stdout}\n${setup.stderr}`);
  return round((performance.now() - started) / 1000, 1);
}

/** Signs every member in (POST /api/session, up to three attempts each); cookies[i] is member i's `hg_session=…`. */
export async function signInMembers(server: DevServer, members: readonly DemoMember[], connections: number) {
  const agent = pool(connections);
  const cookies: string[] = new Array(members.length);
  const { responses, elapsedMs } = await closedLoop(
    connections,
    async (_, index) => {
      const member = members[index]!;
      let r: Response = { status: 0, ms: 0, text: '', headers: {} };
      for (let attempt = 0; attempt < 3; attempt++) {
        r = await request(agent, server.base, 'POST', '/api/session', {
          headers: { 'CF-Connecting-IP': member.ip },
          body: { memberNumber: member.number, phoneLast4: member.phoneLast4 },
        });
        if (r.status === 200) break;
        await sleep(500);
      }
      const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('hg_session='));
      if (r.status !== 200 || !setCookie) throw new Error(`sign-in of ${member.number} failed: ${r.status} ${r.text.slice(0, 200)}`);
      cookies[index] = setCookie.split(';')[0]!;
      return r;
    },
    { count: members.length },
  );
  agent.destroy();
  return { cookies, ratePerS: perSecond(responses.length, elapsedMs), latency: latencySummary(responses.map((r) => r.ms)), ...tally(responses) };
}
