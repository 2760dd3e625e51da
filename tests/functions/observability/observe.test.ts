import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../functions/app';
import { asMember, body, json, plainHall, screening, sessionCookie, staffHeaders } from '../helpers/cinema';

/** Stands in for the Analytics Engine dataset: keeps what the Worker writes. */
function fakeDataset() {
  const points: AnalyticsEngineDataPoint[] = [];
  return { points, dataset: { writeDataPoint: (point?: AnalyticsEngineDataPoint) => void points.push(point!) } };
}

/** Everything the Worker logged with console.log, as JSON (what Workers Logs and `wrangler tail` keep). */
let lines: string[] = [];
beforeEach(() => {
  lines = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')));
});
afterEach(() => vi.restoreAllMocks());
/** The records of one kind (`claim`, `staff`) the Worker logged. */
const logged = (event: string) =>
  lines.flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      return parsed.event === event ? [parsed] : [];
    } catch {
      return [];
    }
  });

function appWith(screenings: ReturnType<typeof screening>[], bindings: Partial<Cloudflare.Env> = {}) {
  const app = createApp({ catalogue: { screenings } });
  return (path: string, init: RequestInit = {}) => app.request(path, init, { ...env, ...bindings });
}

describe('claim outcomes', () => {
  it('logs one record and writes one data point per claim, replay and refusal', async () => {
    const { points, dataset } = fakeDataset();
    const later = screening('obs-later', { releaseAt: new Date(Date.now() + 3_600_000).toISOString() });
    const request = appWith([screening('obs-claims', { hall: plainHall(1, 2) }), later], { CLAIM_EVENTS: dataset });
    const a = await sessionCookie('obs-a');
    const b = await sessionCookie('obs-b');
    const claim = (cookie: string, seat: string, key: string, id = 'obs-claims') =>
      request(`/api/screenings/${id}/claims`, asMember(cookie, json({ seat }, { 'Idempotency-Key': key })));

    expect((await claim(a, '1-1', 'obs-key-a1')).status).toBe(201);
    expect((await claim(a, '1-1', 'obs-key-a1')).status).toBe(200);
    expect((await body(await claim(b, '1-1', 'obs-key-b1'))).error.code).toBe('seat_taken');
    expect((await body(await claim(b, '1-1', 'obs-key-b2', 'obs-later'))).error.code).toBe('window_not_open');
    expect((await body(await request('/api/screenings/obs-claims/claims', json({})))).error.code).toBe('not_signed_in');

    const expected = [
      ['obs-claims', 'claimed', false],
      ['obs-claims', 'claimed', true],
      ['obs-claims', 'seat_taken', false],
      ['obs-later', 'window_not_open', false],
      ['obs-claims', 'not_signed_in', false],
    ] as const;
    expect(logged('claim').map(({ screening, outcome, replayed }) => [screening, outcome, replayed])).toEqual(expected);
    for (const line of logged('claim')) {
      expect(Object.keys(line).sort()).toEqual(['event', 'ms', 'outcome', 'replayed', 'screening']);
      expect(line.ms).toBeGreaterThanOrEqual(0);
    }
    expect(points.map((point) => [point.indexes, point.blobs, point.doubles?.[0], point.doubles?.[2]])).toEqual(
      expected.map(([id, outcome, replayed]) => [[id], [id, outcome], 1, replayed ? 1 : 0]),
    );
    for (const [i, point] of points.entries()) expect(point.doubles?.[1]).toBe(logged('claim')[i]!.ms);
  });

  it('leaves unknown screenings out of the metrics (their ids are whatever a client sent)', async () => {
    const { points, dataset } = fakeDataset();
    const request = appWith([screening('obs-known')], { CLAIM_EVENTS: dataset });
    const response = await request('/api/screenings/made-up-id/claims', asMember(await sessionCookie('obs-u'), json({})));
    expect((await body(response)).error.code).toBe('unknown_screening');
    expect(points).toEqual([]);
    expect(logged('claim').map(({ screening, outcome }) => [screening, outcome])).toEqual([[null, 'unknown_screening']]);
  });

  it('claims as before without the binding (local dev writes nowhere)', async () => {
    const request = appWith([screening('obs-none')], { CLAIM_EVENTS: undefined });
    const response = await request('/api/screenings/obs-none/claims', asMember(await sessionCookie('obs-n'), json({})));
    expect(response.status).toBe(201);
    expect(logged('claim')).toHaveLength(1);
  });

  it('records a failing screening object as the answer the member got: temporarily_unavailable, internal_error', async () => {
    const { points, dataset } = fakeDataset();
    const failing = (error: Error) => ({ getByName: () => ({ claim: async () => Promise.reject(error) }) }) as unknown as Cloudflare.Env['SCREENINGS'];
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const show = [screening('obs-fail')];
    const cookie = await sessionCookie('obs-f');
    const overloaded = appWith(show, { CLAIM_EVENTS: dataset, SCREENINGS: failing(Object.assign(new Error('overloaded'), { overloaded: true })) });
    expect((await overloaded('/api/screenings/obs-fail/claims', asMember(cookie, json({})))).status).toBe(503);
    const broken = appWith(show, { CLAIM_EVENTS: dataset, SCREENINGS: failing(new Error('a bug')) });
    expect((await broken('/api/screenings/obs-fail/claims', asMember(cookie, json({})))).status).toBe(500);
    expect(points.map((point) => point.blobs)).toEqual([
      ['obs-fail', 'temporarily_unavailable'],
      ['obs-fail', 'internal_error'],
    ]);
  });

  it('answers the claim even when the dataset refuses the data point', async () => {
    const broken = {
      writeDataPoint: () => {
        throw new Error('dataset unavailable');
      },
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const request = appWith([screening('obs-broken')], { CLAIM_EVENTS: broken });
    const response = await request('/api/screenings/obs-broken/claims', asMember(await sessionCookie('obs-x'), json({})));
    expect(response.status).toBe(201);
  });
});

describe('staff actions', () => {
  it('logs one record per check-in, booking, booking cancel, export, rebuild and purge, with counts', async () => {
    // Over for more than the 12 h a purge waits for offline doors.
    const over = screening('obs-over', {
      startsAt: new Date(Date.now() - 24 * 3_600_000).toISOString(),
      releaseAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() - 25 * 3_600_000).toISOString(),
    });
    const request = appWith([screening('obs-staff', { hall: plainHall(2, 4) }), over]);
    const staff = (path: string, init: RequestInit = {}) =>
      request(`/api/staff/screenings/${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...staffHeaders('admin') } });

    const booked = await body(await staff('obs-staff/bookings', json({ union: '观测工会', seats: ['1-1', '1-2', '1-3'] })));
    expect(booked.tickets).toHaveLength(3);
    expect((await staff('obs-staff/checkins', json({ code: booked.tickets[0].code }))).status).toBe(200);
    expect((await body(await staff('obs-staff/checkins', json({ code: booked.tickets[0].code })))).error.code).toBe('already_checked_in');
    expect((await staff('obs-staff/bookings', { method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ union: '观测工会', seats: ['1-3'] }) })).status).toBe(200);
    expect((await staff('obs-staff/attendance.csv')).status).toBe(200);
    expect((await staff('obs-staff/rebuild', { method: 'POST' })).status).toBe(202);
    expect((await staff('obs-over/purge', { method: 'POST' })).status).toBe(200);
    expect((await body(await staff('obs-staff/purge', { method: 'POST' }))).error.code).toBe('screening_not_over');

    expect(logged('staff').map(({ action, screening, outcome, counts }) => [action, screening, outcome, counts])).toEqual([
      ['booking', 'obs-staff', 'ok', { seats: 3 }],
      ['check_in', 'obs-staff', 'ok', {}],
      ['check_in', 'obs-staff', 'already_checked_in', {}],
      ['booking_cancel', 'obs-staff', 'ok', { released: 1, promoted: 0 }],
      ['export', 'obs-staff', 'ok', { rows: 3 }],
      ['rebuild', 'obs-staff', 'ok', { queued: 3 }],
      ['purge', 'obs-over', 'ok', { tickets: 0 }],
      ['purge', 'obs-staff', 'screening_not_over', {}],
    ]);
    // The union's name labels a booking, not a person; still, the records carry nothing from the request.
    expect(lines.join('\n')).not.toContain('观测工会');
    expect(lines.join('\n')).not.toContain(booked.tickets[0].code);
  });
});
