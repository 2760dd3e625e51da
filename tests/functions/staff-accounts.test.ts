import { env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { PBKDF2_ITERATIONS } from '../../functions/password-hash';
import { apiTokenSchema } from '../../src/cinema/api-token';
import { auditEntrySchema } from '../../src/cinema/audit-entry';
import { staffAccountSchema } from '../../src/cinema/staff-account';
import { STAFF_SESSION_COOKIE } from '../../functions/staff-auth';
import { body, json, screening, testApp } from './helpers/cinema';
import { createStaff, staffHeaders, staffSessionCookie, testStaffDirectory } from './helpers/staff';

const signIn = (request: ReturnType<typeof testApp>['request'], username: string, password: string, headers: Record<string, string> = {}) =>
  request('/api/staff/session', json({ username, password }, headers));

describe('staff sign-in', () => {
  it('signs in with username and password: an 8-hour HttpOnly, Secure, SameSite=Strict cookie of its own, and /me says who', async () => {
    const { request } = testApp();
    const { username, password } = await createStaff(request, 'operator', { username: 'wang.li' });
    const response = await signIn(request, 'Wang.Li', password);
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({ username, role: 'operator' });
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(new RegExp(`^${STAFF_SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toContain('Max-Age=28800');
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) expect(cookie).toContain(attribute);
    const me = await request('/api/staff/me', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(await body(me)).toEqual({ username, role: 'operator' });
  });

  it('refuses a wrong password and an unknown name alike, and throttles guessing one name', async () => {
    const { request } = testApp();
    const { username } = await createStaff(request, 'door');
    const wrong = await signIn(request, username, 'not-the-password');
    const unknown = await signIn(request, 'nobody-here', 'whatever-password');
    expect([wrong.status, (await body(wrong)).error.code]).toEqual([401, 'staff_invalid_credentials']);
    expect([unknown.status, (await body(unknown)).error.code]).toEqual([401, 'staff_invalid_credentials']);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await body(await signIn(request, username, `guess-${i}-password`, { 'CF-Connecting-IP': `10.9.0.${i}` }))).error.code);
    expect(codes.at(-1)).toBe('rate_limited');
  });

  it('signs out this browser, or every session of the account', async () => {
    const { request } = testApp();
    const { username, password } = await createStaff(request, 'door');
    const first = await staffSessionCookie(request, username, password);
    const second = await staffSessionCookie(request, username, password);
    const out = await request('/api/staff/session', { method: 'DELETE', headers: { Cookie: first } });
    expect(out.headers.get('Set-Cookie')).toMatch(new RegExp(`^${STAFF_SESSION_COOKIE}=;.*Max-Age=0`));
    expect((await request('/api/staff/me', { headers: { Cookie: first } })).status).toBe(401);
    expect((await request('/api/staff/me', { headers: { Cookie: second } })).status).toBe(200);
    const third = await staffSessionCookie(request, username, password);
    const everywhere = await request('/api/staff/session/everywhere', { method: 'POST', headers: { Cookie: third } });
    expect(await body(everywhere)).toEqual({ signedIn: false, endedSessions: 2 });
    for (const cookie of [second, third]) expect((await body(await request('/api/staff/me', { headers: { Cookie: cookie } }))).error.code).toBe('staff_unauthorized');
  });

  it('stops a disabled account at once: its session and its API token', async () => {
    const { request } = testApp(screening('disabled'));
    const { username, password, token } = await createStaff(request, 'operator', { tokenName: 'script' });
    const cookie = await staffSessionCookie(request, username, password);
    expect((await request('/api/staff/screenings/disabled/stats', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await testStaffDirectory().setDisabled(username, true)).toMatchObject({ ok: true });
    for (const headers of [{ Cookie: cookie }, { Authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const refused = await request('/api/staff/screenings/disabled/stats', { headers });
      expect([refused.status, (await body(refused)).error.code]).toEqual([401, 'staff_unauthorized']);
    }
    expect((await body(await signIn(request, username, password))).error.code).toBe('staff_invalid_credentials');
    // Enabling it again lets it sign in, but the token stays revoked.
    await testStaffDirectory().setDisabled(username, false);
    expect((await signIn(request, username, password)).status).toBe(200);
    expect((await request('/api/staff/screenings/disabled/stats', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('refuses a role too low with staff_forbidden, and nobody with staff_unauthorized', async () => {
    const { request } = testApp(screening('roles'));
    const door = await request('/api/staff/screenings/roles/attendance.csv', { headers: staffHeaders('door') });
    expect([door.status, (await body(door)).error]).toEqual([403, expect.objectContaining({ code: 'staff_forbidden', role: 'door', needed: 'operator' })]);
    expect((await request('/api/staff/screenings/roles/attendance.csv')).status).toBe(401);
    expect((await request('/api/staff/screenings/roles/attendance.csv', { headers: { Authorization: 'Bearer hgs_made-up' } })).status).toBe(401);
  });
});

describe('the shapes the console reads', () => {
  it('answers accounts, API tokens and audit entries as the shared schemas in src/cinema/ say, nothing more', async () => {
    const { request } = testApp();
    const admin = { headers: staffHeaders('admin') };
    expect((await request('/api/staff/accounts', json({ username: 'shape-door', role: 'door' }, staffHeaders('admin')))).status).toBe(201);
    const { accounts } = await body(await request('/api/staff/accounts', admin));
    const { tokens } = await body(await request('/api/staff/tokens', admin));
    const { entries } = await body(await request('/api/staff/audit', admin));
    expect(accounts.length * tokens.length * entries.length).toBeGreaterThan(0);
    z.array(staffAccountSchema).parse(accounts);
    z.array(apiTokenSchema).parse(tokens);
    z.array(auditEntrySchema).parse(entries);
  });
});

describe('staff:add bootstrap route', () => {
  it('needs the bootstrap secret, does not exist without one set, and makes accounts only until an admin exists', async () => {
    const { app } = testApp();
    // A directory of its own, with no accounts yet (the shared one has the seeded test-admin).
    const fresh = { ...env, STAFF_DIRECTORY: { getByName: () => env.STAFF_DIRECTORY.getByName('before-any-admin') } as unknown as typeof env.STAFF_DIRECTORY };
    const bootstrap = (account: Record<string, string>, secret = env.STAFF_BOOTSTRAP_SECRET, vars: typeof env = fresh) =>
      app.request('/api/staff/bootstrap', json(account, { Authorization: `Bearer ${secret}` }), vars);
    const admin = { username: 'first-admin', role: 'admin', password: 'a-long-enough-password' };
    const wrong = await bootstrap(admin, 'not-the-secret-but-long-enough-to-try');
    expect([wrong.status, (await body(wrong)).error.code]).toEqual([401, 'staff_unauthorized']);
    const unset = await bootstrap(admin, env.STAFF_BOOTSTRAP_SECRET, { ...fresh, STAFF_BOOTSTRAP_SECRET: undefined });
    expect([unset.status, (await body(unset)).error.code]).toEqual([404, 'not_found']);

    const door = { username: 'early-door', role: 'door', password: 'a-long-enough-password' };
    expect((await bootstrap(door)).status).toBe(201);
    expect((await body(await bootstrap(door))).error.code).toBe('staff_account_exists');
    const made = await bootstrap(admin);
    expect([made.status, await body(made)]).toEqual([201, { username: 'first-admin', role: 'admin' }]);
    // From now on accounts are made by an admin in the console; the secret, if left set, makes nobody.
    for (const late of [{ ...admin, username: 'second-admin' }, { ...door, username: 'late-door' }]) {
      const refused = await bootstrap(late);
      expect([refused.status, (await body(refused)).error.code]).toEqual([409, 'staff_bootstrap_closed']);
    }
    const usernames = (await fresh.STAFF_DIRECTORY.getByName('').listAccounts()).map((account) => account.username);
    expect(usernames).toEqual(['early-door', 'first-admin']);
  });
});

describe('the audit log', () => {
  it('has one entry per staff write and export, with who, what, where and the outcome', async () => {
    const { request } = testApp(screening('audit'));
    await request('/api/staff/screenings/audit/bookings', json({ union: '港务工会', seats: ['1-1', '1-2'] }, { ...staffHeaders(), 'CF-Connecting-IP': '10.1.2.3' }));
    await request('/api/staff/screenings/audit/bookings', json({ union: '港务工会', seats: ['1-1'] }, staffHeaders()));
    await request('/api/staff/screenings/audit/attendance.csv', { headers: staffHeaders() });
    await request('/api/staff/screenings/audit/stats', { headers: staffHeaders() });
    const entries = await testStaffDirectory().readAudit({ limit: 10, screening: 'audit' });
    expect(entries.map((entry) => [entry.actor, entry.via, entry.action, entry.outcome])).toEqual([
      ['test-operator', 'token', 'export_attendance', 'ok'],
      ['test-operator', 'token', 'booking', 'seats_unavailable'],
      ['test-operator', 'token', 'booking', 'ok'],
    ]);
    expect(entries.at(-1)).toMatchObject({ client: '10.1.2.3', details: { union: '港务工会', seats: ['1-1', '1-2'], booked: 2 } });
  });
});

describe('secrets at rest and in logs', () => {
  it('keeps passwords only as PBKDF2-SHA-256 at 100,000 iterations (the deployed runtime’s cap), and session ids and tokens only hashed; logs none of them', async () => {
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'info')];
    const { request } = testApp(screening('secrets'));
    const { username, password, token } = await createStaff(request, 'operator', { password: 'correct-horse-battery-staple', tokenName: 'script' });
    const cookie = await staffSessionCookie(request, username, password);
    await signIn(request, username, 'a-wrong-password-typed');
    await request('/api/staff/screenings/secrets/bookings', json({ union: '港务工会', seats: ['1-1'] }, { Authorization: `Bearer ${token}` }));
    const sessionId = cookie.split('=')[1]!;
    const rows = await runInDurableObject(testStaffDirectory(), (_, state) =>
      ['accounts', 'sessions', 'tokens', 'audit'].flatMap((table) => state.storage.sql.exec(`SELECT * FROM ${table}`).toArray()),
    );
    const stored = JSON.stringify(rows);
    const printed = JSON.stringify(logged.flatMap((spy) => spy.mock.calls));
    for (const secret of [password, 'a-wrong-password-typed', token!, sessionId]) {
      expect(stored).not.toContain(secret);
      expect(printed).not.toContain(secret);
    }
    const account = rows.find((row) => row.username === username)!;
    expect(JSON.parse(account.password as string)).toEqual({ algorithm: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: expect.stringMatching(/^[0-9a-f]{32}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    vi.restoreAllMocks();
  });
});

describe('accounts, for admins', () => {
  const admin = staffHeaders('admin');
  const patch = (request: ReturnType<typeof testApp>['request'], username: string, change: object, headers = admin) =>
    request(`/api/staff/accounts/${username}`, { ...json(change, headers), method: 'PATCH' });

  it('creates an account with a password shown once, changes its role, disables and enables it, resets its password', async () => {
    const { request } = testApp();
    const created = await request('/api/staff/accounts', json({ username: 'Zhao.Min', role: 'door' }, admin));
    const { account, password } = await body(created);
    expect([created.status, account]).toEqual([201, expect.objectContaining({ username: 'zhao.min', role: 'door', disabled: false })]);
    expect(password).toMatch(/^\S{16}$/);
    const cookie = await staffSessionCookie(request, 'zhao.min', password);
    expect(await body(await patch(request, 'zhao.min', { role: 'operator' }))).toMatchObject({ account: { role: 'operator' } });
    expect(await body(await request('/api/staff/me', { headers: { Cookie: cookie } }))).toEqual({ username: 'zhao.min', role: 'operator' });
    expect((await body(await request('/api/staff/accounts', { headers: admin }))).accounts.map((a: { username: string }) => a.username)).toContain('zhao.min');

    expect(await body(await patch(request, 'zhao.min', { disabled: true }))).toMatchObject({ account: { disabled: true } });
    expect((await request('/api/staff/me', { headers: { Cookie: cookie } })).status).toBe(401);
    await patch(request, 'zhao.min', { disabled: false });
    const reset = await body(await request('/api/staff/accounts/zhao.min/password', json({}, admin)));
    expect(reset.password).not.toBe(password);
    expect((await body(await signIn(request, 'zhao.min', password))).error.code).toBe('staff_invalid_credentials');
    await staffSessionCookie(request, 'zhao.min', reset.password);
  });

  it('refuses a taken username, an unknown account, and an admin changing their own account', async () => {
    const { request } = testApp();
    expect((await body(await request('/api/staff/accounts', json({ username: 'test-door', role: 'door' }, admin)))).error.code).toBe('staff_account_exists');
    expect((await body(await patch(request, 'nobody', { role: 'door' }))).error.code).toBe('staff_account_not_found');
    const own = await patch(request, 'test-admin', { disabled: true });
    expect([own.status, (await body(own)).error.code]).toEqual([409, 'staff_own_account']);
    expect((await request('/api/staff/me', { headers: admin })).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('are shown once, listed without the secret, used as bearer tokens, and revoked by their owner or an admin only', async () => {
    const { request } = testApp();
    const operator = staffHeaders('operator');
    const made = await request('/api/staff/tokens', json({ name: '导出脚本' }, operator));
    const { token, id } = await body(made);
    expect([made.status, token]).toEqual([201, expect.stringMatching(/^hgs_[A-Za-z0-9_-]{43}$/)]);
    expect(await body(await request('/api/staff/me', { headers: { Authorization: `Bearer ${token}` } }))).toEqual({ username: 'test-operator', role: 'operator' });
    const listed = JSON.stringify(await body(await request('/api/staff/tokens', { headers: operator })));
    expect(listed).toContain('导出脚本');
    expect(listed).not.toContain(token);

    const other = await createStaff(request, 'operator', { tokenName: 'theirs' });
    const [theirs] = (await body(await request('/api/staff/tokens', { headers: { Authorization: `Bearer ${other.token}` } }))).tokens;
    expect((await body(await request(`/api/staff/tokens/${theirs.id}`, { method: 'DELETE', headers: operator }))).error.code).toBe('staff_token_not_found');
    expect((await request('/api/staff/me', { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(200);
    expect((await request(`/api/staff/tokens/${theirs.id}`, { method: 'DELETE', headers: staffHeaders('admin') })).status).toBe(200);
    expect((await request('/api/staff/me', { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(401);

    const revoked = await body(await request(`/api/staff/tokens/${id}`, { method: 'DELETE', headers: operator }));
    expect(revoked.token).toMatchObject({ id, revokedAt: expect.any(String) });
    expect((await request('/api/staff/me', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('reading the audit log', () => {
  it('pages newest first, filters, and downloads as CSV with a BOM; nothing edits it', async () => {
    const { app, request } = testApp(screening('audit-read'));
    for (let i = 1; i <= 3; i++) await request('/api/staff/screenings/audit-read/bookings', json({ union: `工会${i}`, seats: [`1-${i}`] }, staffHeaders()));
    await request('/api/staff/screenings/other/checkins', json({ code: 'ABCD-2345' }, staffHeaders('door')));
    const first = await body(await request('/api/staff/audit?limit=2&screening=audit-read', { headers: staffHeaders() }));
    expect(first.entries.map((entry: { details: { union: string } }) => entry.details.union)).toEqual(['工会3', '工会2']);
    const second = await body(await request(`/api/staff/audit?limit=2&screening=audit-read&before=${first.next}`, { headers: staffHeaders() }));
    expect([second.entries.map((entry: { details: { union: string } }) => entry.details.union), second.next]).toEqual([['工会1'], null]);
    expect((await body(await request('/api/staff/audit?actor=test-door&action=check_in', { headers: staffHeaders() }))).entries).toMatchObject([{ action: 'check_in', outcome: 'unknown_screening' }]);
    expect((await body(await request('/api/staff/audit?limit=9999', { headers: staffHeaders() }))).error.code).toBe('invalid_input');

    const csv = await request('/api/staff/audit.csv?screening=audit-read', { headers: staffHeaders() });
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[0]!.trim()).toBe('序号,时间,账号,方式,操作,操作代码,场次,结果,来源地址,详情');
    expect(text).toContain('工会1');
    // Operators read the action in Chinese; the code stays beside it for filtering.
    expect(text.split('\n').filter((line) => line.includes('工会1'))[0]).toContain(',包场,booking,audit-read,');
    // The download is itself an entry.
    expect((await body(await request('/api/staff/audit?action=export_audit', { headers: staffHeaders() }))).entries).toHaveLength(1);
    // No route changes or deletes entries.
    expect(app.routes.filter(({ path, method }) => path.startsWith('/api/staff/audit') && method !== 'GET' && method !== 'ALL')).toEqual([]);
  });
});
