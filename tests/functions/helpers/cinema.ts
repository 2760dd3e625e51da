import { env, runDurableObjectAlarm } from 'cloudflare:test';
import { expect } from 'vitest';
import { generateSignedCookie } from 'hono/cookie';
import { createApp } from '../../../functions/app';
import type { Catalogue, CatalogueScreening } from '../../../functions/catalogue';
import { memberCheck, memberId } from '../../../functions/member-identity';
import { kvKey } from '../../../functions/seat-store';
import { SESSION_COOKIE } from '../../../functions/session';
import type { Hall } from '../../../src/cinema/hall-schema';

const HOUR = 3_600_000;

/** A hall of `rows` × `perRow` plain seats. */
export function plainHall(rows: number, perRow: number): Hall {
  return {
    name: '测试厅',
    venue: '测试影院',
    rows: Array.from({ length: rows }, (_, i) => ({ row: i + 1, seats: perRow, aisleAfter: [], accessible: [], blocked: [] })),
  };
}

/** A screening whose claim window is open now unless the times say otherwise. */
export function screening(id: string, over: Partial<CatalogueScreening> = {}): CatalogueScreening {
  const now = Date.now();
  return {
    id,
    film: { title: `测试影片 ${id}`, synopsis: '测试数据', runtimeMinutes: 90, sample: true },
    hallId: 'test',
    hall: plainHall(3, 4),
    startsAt: new Date(now + 3 * HOUR).toISOString(),
    releaseAt: new Date(now - HOUR).toISOString(),
    closesAt: new Date(now + 2 * HOUR).toISOString(),
    allocation: 'first-come',
    ...over,
  };
}

export function testApp(...screenings: CatalogueScreening[]) {
  const catalogue: Catalogue = { screenings };
  const app = createApp({ catalogue });
  return {
    app,
    catalogue,
    request: async (path: string, init: RequestInit = {}): Promise<Response> => app.request(path, init, env),
  };
}

/** Adds a member to the roster in KV, as the import script does. */
export async function enrol(memberNumber: string, phoneLast4: string): Promise<string> {
  const id = await memberId(memberNumber, env.MEMBER_HASH_KEY);
  await env.SEATS.put(kvKey.roster(id), JSON.stringify({ check: await memberCheck(memberNumber, phoneLast4, env.MEMBER_HASH_KEY) }));
  return id;
}

/**
 * A valid session cookie for a member id, as sign-in would set it (for tests that are not about sign-in).
 * Sessions count only for members on the roster, so the id is put there if it is not yet.
 */
export async function sessionCookie(id: string, expiresAt = Date.now() + HOUR): Promise<string> {
  if ((await env.SEATS.get(kvKey.roster(id))) === null) await env.SEATS.put(kvKey.roster(id), JSON.stringify({ check: 'not used' }));
  const cookie = await generateSignedCookie(SESSION_COOKIE, `${id}.${expiresAt}`, env.SESSION_SECRET);
  return cookie.split(';')[0]!;
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** A client address per cookie: each member on their own phone, as at a real noon rush. */
function addressOf(cookie: string): string {
  let hash = 0;
  for (const ch of cookie) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${hash & 255}`;
}

export function asMember(cookie: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { 'CF-Connecting-IP': addressOf(cookie), ...(init.headers as Record<string, string>), Cookie: cookie } };
}

export { staffHeaders } from './staff';

export async function body<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Runs the screening object's alarm until everything it committed is in KV. */
export async function drainToKv(screeningId: string): Promise<void> {
  const stub = env.SCREENINGS.getByName(screeningId);
  for (let i = 0; i < 10 && !(await stub.synced()); i++) await runDurableObjectAlarm(stub);
  expect(await stub.synced()).toBe(true);
}
