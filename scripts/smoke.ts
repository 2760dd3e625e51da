/**
 * npm run smoke -- <url | --env staging> [--screening ID] [--member NUMBER --phone-last4 DDDD] [--staff-token T] [--read-only]
 *
 * Walks a deployed site as its users do and cleans up after itself: reads (the front page, health, the
 * screenings), signs in the test member, claims a seat on the test screening, finds it among the
 * member's tickets, cancels it, and has staff book a seat and check it in (once only). Exits non-zero at
 * the first step that fails, naming it and the API's answer. --read-only does the reads alone (production,
 * which has no test screening). The test screening is the newest `smoke-…` one unless --screening names
 * another; the member defaults to the smoke member that `npm run deploy:staging` imports; the staff API
 * token (an operator's) comes from --staff-token or HUIGONG_STAFF_TOKEN; for a local server a dev admin's
 * is made (scripts/staff/script-token.ts). --env takes the address from
 * that environment's SITE_URL in wrangler.toml.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scriptStaffToken } from './staff/script-token.ts';
import { parseWranglerToml, resolveEnvironment } from './doctor/wrangler-config.ts';
import { SiteClient, StepFailure } from './smoke/http-client.ts';
import { staffCheckIn } from './smoke/staff-check-in.ts';
import { SMOKE_MEMBER } from './smoke/test-member.ts';

interface Screening {
  id: string;
  state: string;
  film: { title: string };
}
interface Ticket {
  code: string;
  seat: string;
  status: string;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    screening: { type: 'string' },
    member: { type: 'string', default: SMOKE_MEMBER.memberNumber },
    'phone-last4': { type: 'string', default: SMOKE_MEMBER.phoneLast4 },
    'staff-token': { type: 'string' },
    'read-only': { type: 'boolean', default: false },
    env: { type: 'string' },
  },
});
const envUrl = values.env ? resolveEnvironment(parseWranglerToml(readFileSync('wrangler.toml', 'utf8')), values.env).vars.SITE_URL : undefined;
const url = positionals[0] ?? (typeof envUrl === 'string' ? envUrl : undefined);
if (!url) {
  console.error('用法：npm run smoke -- https://站点地址（或 --env staging）[--screening 场次] [--member 会员号 --phone-last4 后四位] [--read-only]');
  process.exit(2);
}
const client = new SiteClient(url);
/** What is left on the site for the report: a claim to cancel if a later step fails. */
let openClaim: { screeningId: string; code: string } | undefined;

async function step<T>(name: string, run: () => Promise<T>, detail: (value: T) => string = () => ''): Promise<T> {
  const started = performance.now();
  try {
    const value = await run();
    console.log(`✓ ${name}${detail(value) ? `：${detail(value)}` : ''}（${Math.round(performance.now() - started)} ms）`);
    return value;
  } catch (error) {
    console.error(`✗ ${name}：${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    console.error(`冒烟测试失败于「${name}」（${url}）`);
    process.exit(1);
  }
}

async function cleanUp() {
  if (!openClaim) return;
  const { screeningId, code } = openClaim;
  const response = await client.request('DELETE', `/api/screenings/${screeningId}/tickets/${code}`).catch(() => undefined);
  console.error(response?.ok ? `清理：已退掉本次领的票 ${code}` : `清理：本次领的票 ${code} 没能退掉（HTTP ${response?.status ?? '无响应'}），请手动处理`);
}

/** KV-backed reads (a member's tickets) trail the object's answer by a second or two. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (ok(value)) return value;
    if (attempt === 20) throw new StepFailure(`${what}（等了 10 秒）`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

await step('首页', async () => {
  const response = await client.request('GET', '/');
  const html = await response.text();
  if (response.status !== 200 || !html.includes('<html')) throw new StepFailure(`GET / → HTTP ${response.status}，不是网页`, response.status);
});
await step('健康检查', () => client.json<{ ok: boolean; now: string }>('GET', '/api/health', 200), (health) => `服务器时间 ${health.now}`);
const screenings = await step(
  '场次列表',
  () => client.json<{ screenings: Screening[] }>('GET', '/api/screenings', 200),
  ({ screenings }) => `${screenings.length} 场`,
);
if (values['read-only']) {
  console.log('只读冒烟测试通过');
  process.exit(0);
}

const screening = await step(
  '找到测试场次',
  async () => {
    const found = values.screening
      ? screenings.screenings.find((s) => s.id === values.screening)
      : screenings.screenings.filter((s) => s.id.startsWith('smoke-')).sort((a, b) => b.id.localeCompare(a.id))[0];
    if (!found) {
      throw new StepFailure(
        values.screening
          ? `没有场次 ${values.screening}`
          : '没有 smoke- 开头的测试场次：测试环境要用 npm run deploy:staging 部署（它会加入测试场次），或用 --screening 指定一场',
      );
    }
    if (found.state !== 'open') throw new StepFailure(`测试场次 ${found.id} 现在不能领票（state: ${found.state}）`);
    return found;
  },
  (s) => s.id,
);

await step('会员登录', () => client.json('POST', '/api/session', 200, { body: { memberNumber: values.member, phoneLast4: values['phone-last4'] } }), () => values.member);

const claims = `/api/screenings/${screening.id}/claims`;
const ticket = await step(
  '领票',
  async () => {
    const claim = () => client.json<{ ticket: Ticket }>('POST', claims, 201, { body: {}, headers: { 'Idempotency-Key': `smoke-${randomUUID()}` } });
    try {
      return (await claim()).ticket;
    } catch (error) {
      // A run that died before its cancel left the member holding a ticket: cancel that one, claim again.
      if (!(error instanceof StepFailure) || error.code !== 'already_holds_ticket') throw error;
      const held = await client.json<{ tickets: Ticket[] }>('GET', '/api/me/tickets', 200);
      for (const old of held.tickets.filter((t) => t.status === 'active')) {
        await client.json('DELETE', `/api/screenings/${screening.id}/tickets/${old.code}`, 200);
        console.log(`  （上次运行留下的票 ${old.code} 已退）`);
      }
      return (await claim()).ticket;
    }
  },
  (t) => `${t.code}，座位 ${t.seat}`,
);
openClaim = { screeningId: screening.id, code: ticket.code };

await step('我的票里有这张', () =>
  eventually(
    () => client.json<{ tickets: Ticket[] }>('GET', '/api/me/tickets', 200),
    ({ tickets }) => tickets.some((t) => t.code === ticket.code && t.status === 'active'),
    `GET /api/me/tickets 里没有 ${ticket.code}`,
  ),
);

await step('退票', async () => {
  const { ticket: cancelled } = await client.json<{ ticket: Ticket }>('DELETE', `/api/screenings/${screening.id}/tickets/${ticket.code}`, 200);
  if (cancelled.status !== 'cancelled') throw new StepFailure(`退票后状态是 ${cancelled.status}`);
  openClaim = undefined;
});

const staffToken = await scriptStaffToken(url, values['staff-token']);
if (!staffToken) await step('检票', async () => Promise.reject(new StepFailure('需要工作人员 API 令牌：--staff-token 或环境变量 HUIGONG_STAFF_TOKEN')));
const checkedIn = await step('工作人员检票', () => staffCheckIn(client, { screeningId: screening.id, seat: ticket.seat, staffToken: staffToken! }), (t) => `${t.code}（只能检一次，已验证）`);

await step('退出登录', () => client.json('DELETE', '/api/session', 200));
console.log(`冒烟测试通过。本次领的票 ${ticket.code} 已退；检票用的包场票 ${checkedIn.code}（座位 ${checkedIn.seat}）已入场，按规则不能再退，留在测试场次 ${screening.id} 上。`);
