import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

// npm run staff:add against `wrangler dev`, as a developer makes the first admin after `npm start`.
let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
}, 180_000);
afterAll(() => server?.stop());

const staffAdd = (...args: string[]) => run('node', ['scripts/staff-add.ts', '--url', server.baseURL, ...args]);

describe('npm run staff:add', () => {
  it('makes a door account with --role before any admin exists, refuses a taken name, and has no default password', () => {
    const door = staffAdd('--role', 'door', 'door-1');
    expect(door.output).toContain('door-1（door）');
    const again = staffAdd('--role', 'door', 'door-1');
    expect([again.status, again.output]).toEqual([1, expect.stringContaining('staff_account_exists')]);
    const first = /密码[^：]*：(\S+)/.exec(door.output)?.[1];
    const second = /密码[^：]*：(\S+)/.exec(staffAdd('--role', 'door', 'door-2').output)?.[1];
    expect(first).not.toBe(second);
  });

  it('makes the first admin with a generated password printed once, and an API token on request', async () => {
    const { status, output } = staffAdd('--admin', 'First.Admin', '--token', 'curl');
    expect(status).toBe(0);
    const password = /密码（只显示这一次[^）]*）：(\S+)/.exec(output)?.[1];
    const token = /API 令牌“curl”[^：]*：(hgs_\S+)/.exec(output)?.[1];
    expect(password).toMatch(/^\S{16}$/);
    const signIn = await fetch(`${server.baseURL}/api/staff/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'first.admin', password }),
    });
    expect(await signIn.json()).toEqual({ username: 'first.admin', role: 'admin' });
    const me = await fetch(`${server.baseURL}/api/staff/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ username: 'first.admin', role: 'admin' });
  });

  it('refuses once an admin exists, saying that accounts are now made in the console', () => {
    const { status, output } = staffAdd('--admin', 'second-admin');
    expect(status).toBe(1);
    expect(output).toContain('staff_bootstrap_closed');
    expect(output).toContain('控制台');
  });

  it('refuses --remote without the bootstrap secret in the environment, saying how to set it', () => {
    const { status, output } = run('node', ['scripts/staff-add.ts', '--admin', 'someone', '--remote', '--env', 'staging']);
    expect(status).toBe(2);
    expect(output).toContain('HUIGONG_STAFF_BOOTSTRAP_SECRET');
    expect(output).toContain('wrangler secret delete STAFF_BOOTSTRAP_SECRET --env staging');
  });
});
