import { describe, expect, it } from 'vitest';
import { roleAtLeast, type StaffRole } from '../../src/cinema/staff-roles';
import { body, screening, sessionCookie, testApp } from './helpers/cinema';
import { createStaff, staffHeaders, staffSessionCookie, testStaffDirectory } from './helpers/staff';

/**
 * Every staff route and who may use it: a role (that role or higher), `anyone`, or `bootstrap` (only
 * the bootstrap secret). The test reads the app's routes: a staff route missing here fails it, so a
 * new route has to say who may use it.
 */
const ROUTE_ROLES: Record<string, StaffRole | 'anyone' | 'bootstrap'> = {
  'POST /api/staff/session': 'anyone',
  'DELETE /api/staff/session': 'anyone',
  'POST /api/staff/session/everywhere': 'door',
  'GET /api/staff/me': 'door',
  'POST /api/staff/bootstrap': 'bootstrap',
  'GET /api/staff/accounts': 'admin',
  'POST /api/staff/accounts': 'admin',
  'PATCH /api/staff/accounts/:username': 'admin',
  'POST /api/staff/accounts/:username/password': 'admin',
  'GET /api/staff/tokens': 'operator',
  'POST /api/staff/tokens': 'operator',
  'DELETE /api/staff/tokens/:tokenId': 'operator',
  'GET /api/staff/audit': 'operator',
  'GET /api/staff/audit.csv': 'operator',
  'POST /api/staff/screenings/:id/checkins': 'door',
  'GET /api/staff/screenings/:id/stats': 'door',
  'POST /api/staff/screenings/:id/bookings': 'operator',
  'DELETE /api/staff/screenings/:id/bookings': 'operator',
  'GET /api/staff/screenings/:id/attendance.csv': 'operator',
  'GET /api/staff/screenings/:id/export.json': 'operator',
  'POST /api/staff/screenings/:id/purge': 'admin',
  'POST /api/staff/screenings/:id/restore': 'admin',
  'POST /api/staff/screenings/:id/rebuild': 'operator',
  'POST /api/staff/members/standing': 'operator',
  'POST /api/staff/members/strikes/clear': 'operator',
  'GET /api/staff/console/screenings': 'operator',
  'GET /api/staff/console/screenings/:id': 'operator',
  'GET /api/staff/console/unions': 'operator',
  'PUT /api/staff/roster/uploads/:upload': 'admin',
  'GET /api/staff/roster/uploads/:upload': 'admin',
  'PUT /api/staff/roster/uploads/:upload/chunks/:n{[0-9]{1,5}}': 'admin',
  'POST /api/staff/roster/uploads/:upload/apply': 'admin',
};

/** A concrete path for a route pattern: nothing it names exists, so an admitted request changes nothing that matters. */
const concrete = (pattern: string) =>
  pattern
    .replace(':id', 'matrix')
    .replace(':username', 'nobody-in-matrix')
    .replace(':tokenId', '999999')
    .replace(':upload', 'f'.repeat(64))
    .replace(':n{[0-9]{1,5}}', '0');

type Caller = { name: string; role?: StaffRole; headers: Record<string, string> };

describe('the role matrix', () => {
  it('names every staff route of the app', () => {
    const { app } = testApp();
    const staffRoutes = new Set(app.routes.filter(({ method, path }) => method !== 'ALL' && path.startsWith('/api/staff')).map(({ method, path }) => `${method} ${path}`));
    expect(staffRoutes).toEqual(new Set(Object.keys(ROUTE_ROLES)));
  });

  it('admits each route’s role and those above, and refuses everyone else with the right code', async () => {
    const { request } = testApp(screening('matrix'));
    const disabled = await createStaff(request, 'admin', { tokenName: 'matrix' });
    const disabledCookie = await staffSessionCookie(request, disabled.username, disabled.password);
    await testStaffDirectory().setDisabled(disabled.username, true);
    const revoked = await createStaff(request, 'admin', { tokenName: 'matrix' });
    const [revokedToken] = (await body(await request('/api/staff/tokens', { headers: { Authorization: `Bearer ${revoked.token}` } }))).tokens;
    expect((await request(`/api/staff/tokens/${revokedToken.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${revoked.token}` } })).status).toBe(200);

    const callers: Caller[] = [
      { name: 'anonymous', headers: {} },
      { name: 'member session', headers: { Cookie: await sessionCookie('matrix-member') } },
      { name: 'door', role: 'door', headers: staffHeaders('door') },
      { name: 'operator', role: 'operator', headers: staffHeaders('operator') },
      { name: 'admin', role: 'admin', headers: staffHeaders('admin') },
      { name: 'disabled account (token)', headers: { Authorization: `Bearer ${disabled.token}` } },
      { name: 'disabled account (session)', headers: { Cookie: disabledCookie } },
      { name: 'revoked token', headers: { Authorization: `Bearer ${revoked.token}` } },
    ];

    const seen: string[] = [];
    const expected: string[] = [];
    for (const [route, needs] of Object.entries(ROUTE_ROLES)) {
      const [method, pattern] = route.split(' ') as [string, string];
      for (const caller of callers) {
        const init: RequestInit = { method, headers: { ...caller.headers, ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }) } };
        if (method !== 'GET' && method !== 'DELETE') init.body = '{}';
        if (method === 'DELETE' && pattern.endsWith('/bookings')) init.body = '{}';
        const response = await request(concrete(pattern), init);
        const code = response.status === 401 || response.status === 403 ? ((await body(response)).error?.code as string) : 'admitted';
        seen.push(`${route} · ${caller.name} → ${code}`);
        const outcome =
          needs === 'anyone'
            ? 'admitted'
            : needs === 'bootstrap' || !caller.role
              ? 'staff_unauthorized'
              : roleAtLeast(caller.role, needs)
                ? 'admitted'
                : 'staff_forbidden';
        expected.push(`${route} · ${caller.name} → ${outcome}`);
      }
    }
    expect(seen).toEqual(expected);
  });
});
