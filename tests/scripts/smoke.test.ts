import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptStaffToken } from '../../scripts/staff/script-token';
import { run } from '../helpers/run';
import { startDevServer, type DevServer } from '../helpers/wrangler-dev';

// The smoke test against `wrangler dev` on the built site, with the catalogue staging deploys (--smoke),
// so it walks the same steps `npm run smoke -- https://staging…` does after each deploy.
let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ members: 1, catalogueArgs: ['--smoke'] });
}, 180_000);
afterAll(() => server?.stop());

const smoke = (...args: string[]) => run('node', ['scripts/smoke.ts', server.baseURL, '--member', 'DEMO00001', '--phone-last4', '0001', ...args]);

/** The screening object's own counts (the authority; the member's ticket list in KV trails it). */
async function smokeScreeningStats() {
  const { screenings } = (await (await fetch(`${server.baseURL}/api/screenings`)).json()) as { screenings: { id: string }[] };
  const id = screenings.find((s) => s.id.startsWith('smoke-'))!.id;
  const response = await fetch(`${server.baseURL}/api/staff/screenings/${id}/stats`, { headers: { Authorization: `Bearer ${await scriptStaffToken(server.baseURL)}` } });
  return (await response.json()) as { claimed: number; reserved: number; checkedIn: number };
}

describe('npm run smoke', () => {
  it('walks read, sign-in, claim, cancel and check-in, and leaves the member no seat, twice in a row', () => {
    for (let i = 0; i < 2; i++) {
      const { status, output } = smoke();
      expect(output).toContain('冒烟测试通过');
      for (const step of ['首页', '健康检查', '场次列表', '找到测试场次：smoke-', '会员登录', '领票', '我的票里有这张', '退票', '工作人员检票', '退出登录']) {
        expect(output).toContain(`✓ ${step}`);
      }
      expect(status).toBe(0);
    }
  });

  it('leaves no member holding a seat, and one checked-in booking per run', async () => {
    expect(await smokeScreeningStats()).toMatchObject({ claimed: 0, reserved: 2, checkedIn: 2 });
  });

  it('fails with the step and the reason when a step breaks', () => {
    const { status, output } = smoke('--screening', 'no-such-screening');
    expect(output).toContain('✗ 找到测试场次：没有场次 no-such-screening');
    expect(output).toContain('冒烟测试失败于「找到测试场次」');
    expect(status).toBe(1);
  });

  it('fails at sign-in for a member not in the roster, naming the API code', () => {
    const { status, output } = run('node', ['scripts/smoke.ts', server.baseURL]);
    expect(output).toContain('✗ 会员登录：POST /api/session → HTTP 401 invalid_credentials');
    expect(status).toBe(1);
  });

  it('does only the reads with --read-only', () => {
    const { status, output } = smoke('--read-only', '--screening', 'no-such-screening');
    expect(output).toContain('只读冒烟测试通过');
    expect(output).not.toContain('领票');
    expect(status).toBe(0);
  });
});
