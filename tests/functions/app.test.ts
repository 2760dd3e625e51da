import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app';

const app = createApp();

describe('GET /api/health', () => {
  it('answers with the server clock and is never cached', async () => {
    const before = Date.now();
    const response = await app.request('/api/health', {}, env);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = await response.json<{ ok: boolean; now: string }>();
    expect(body.ok).toBe(true);
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before - 1);
  });
});

describe('unknown API routes', () => {
  it('answer 404 in the JSON error shape', async () => {
    const response = await app.request('/api/nope', {}, env);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: '没有这个接口' } });
  });
});
