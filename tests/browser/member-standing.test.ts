import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe';
import { formatShanghaiDate } from '../../src/cinema/standing-text';
import { formatShanghaiDayTime } from '../../src/cinema/countdown';
import { memberPage, signInMember } from './member-phone';
import { ownServer } from './own-server';

// 我的信用 on /cinema and the suspended member's buttons; the demo screening's seats are out from the start.
const DEMO = 'demo-local';
const DAY = 86_400_000;
const own = ownServer({ members: 2, demoReleaseInSeconds: 0 });

/** A standing as GET /api/me/standing answers for a member suspended until a Shanghai midnight 20 days on. */
function suspendedStanding() {
  const until = new Date((Math.ceil((Date.now() + 8 * 3_600_000) / DAY) + 20) * DAY - 8 * 3_600_000).toISOString();
  const strike = (id: string, daysAgo: number, kind: 'no_show' | 'late_cancel') => {
    const at = Date.now() - daysAgo * DAY;
    return { screeningId: id, kind, points: kind === 'no_show' ? 1 : 0.5, at: new Date(at).toISOString(), expiresAt: new Date(at + 90 * DAY).toISOString(), status: 'used' };
  };
  return {
    until,
    body: { standing: { points: 0, strikes: [strike('a', 30, 'no_show'), strike('b', 12, 'no_show'), strike('c', 10, 'no_show')], suspended: { since: new Date(Date.now() - 9 * DAY).toISOString(), until }, lotteryWeight: 1 } },
  };
}

describe('我的信用 and a suspension on /cinema', () => {
  it('tells a suspended member why and until when, in place of the claim button, in the list and the picker; axe clean light and dark', async () => {
    const { until, body } = suspendedStanding();
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await memberPage(own, {
        colorScheme,
        member: 1,
        // The server's answer for a suspended member (workerd tests cover how strikes get there and the 403).
        beforeOpen: (opening) => opening.route('**/api/me/standing', (route) => route.fulfill({ json: body, headers: { 'Cache-Control': 'no-store' } })),
      });
      const suspension = page.locator('#standing-suspension');
      await suspension.waitFor();
      expect(await suspension.textContent()).toBe(`因 90 天内爽约累计 3 次，暂停领票、排队和抽签，${formatShanghaiDate(until)} 0:00 起恢复（北京时间）。`);
      expect(await page.locator('#standing-strikes li').count()).toBe(3);
      expect(await page.locator('#standing-strikes li').first().textContent()).toMatch(/开场 15 分钟后仍未入场 · 1 次（已计入暂停，\d{4}年\d+月\d+日到期）$/);

      const button = page.locator(`#list-view .screening[data-id="${DEMO}"] .action`);
      const label = `因爽约暂停领票，${formatShanghaiDayTime(until)} 起恢复`;
      await expect.poll(() => button.textContent()).toBe(label);
      expect(await button.isDisabled()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/strikes-standing-${colorScheme}.png`, fullPage: true });
      if (colorScheme === 'light') {
        await page.evaluate(() => (document.documentElement.style.fontSize = '150%'));
        await page.screenshot({ path: '/tmp/strikes-standing-150.png', fullPage: true });
        await page.evaluate(() => (document.documentElement.style.fontSize = ''));
      }

      await page.locator(`#list-view .screening[data-id="${DEMO}"]`).getByRole('link').click();
      await page.locator('#seat-map .seat').first().waitFor();
      await expect.poll(() => page.locator('#claim').textContent()).toBe(label);
      expect(await page.locator('#claim').isDisabled()).toBe(true);
      await context.close();
    }
  });

  it('shows a member with no strikes that they have none, from the server', async () => {
    const { context, page } = await memberPage(own);
    expect(await page.locator('#my-standing').isHidden()).toBe(true);
    await signInMember(page, 2);
    await page.locator('#standing-summary', { hasText: '没有爽约记录' }).waitFor();
    expect(await page.locator('#standing-suspension').isHidden()).toBe(true);
    await expect.poll(() => page.locator(`#list-view .screening[data-id="${DEMO}"] .action`).textContent()).toBe('选座领取');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.locator('#my-standing').isHidden()).toBe(true);
    await context.close();
  });
});
