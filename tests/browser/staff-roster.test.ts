import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { seriousViolations } from '../helpers/axe';
import { createStaffAccount, signInStaff } from './staff-session';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const numberOf = (i: number) => `RB${String(i).padStart(5, '0')}`;
const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;

/** 2,000 rows as Excel saves them (BOM, CRLF), 5 of them bad: short phone, bad number, duplicate, scientific, no phone. */
function rosterCsv(): Buffer {
  const bad: Record<number, string> = {
    100: `${numberOf(100)},1390000`,
    500: `RB#500,${phoneOf(500)}`,
    900: `${numberOf(899)},${phoneOf(900)}`,
    1300: `${numberOf(1300)},1.39E+10`,
    1700: `${numberOf(1700)},`,
  };
  const rows = Array.from({ length: 2_000 }, (_, index) => bad[index + 1] ?? `${numberOf(index + 1)},${phoneOf(index + 1)},职工${index + 1}`);
  return Buffer.from(`\uFEFF会员号,手机号,姓名\r\n${rows.join('\r\n')}\r\n`, 'utf8');
}

/** The roster page in a context signed in as a new admin. */
async function rosterPage(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', ...options });
  await signInStaff(context, baseURL, 'admin');
  const page = await context.newPage();
  await page.goto(`${baseURL}/cinema/staff/roster/`);
  return page;
}

async function choose(page: Page): Promise<void> {
  await page.getByLabel(/名单文件/).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: rosterCsv() });
  await page.getByRole('heading', { name: '预览：roster.csv' }).waitFor();
}

describe('the roster upload at 360 px', () => {
  it('previews 2,000 rows with their 5 bad ones, survives a dropped chunk, applies, and a member from it signs in', async () => {
    const page = await rosterPage();
    await choose(page);
    expect(await page.locator('[data-count=members]').textContent()).toBe('1,995');
    expect(await page.locator('[data-count=problems]').textContent()).toBe('5');
    const lines = await page.locator('.problems tbody tr td:first-child').allTextContents();
    expect(lines).toEqual(['101', '501', '901', '1301', '1701']);
    expect(await page.getByLabel(/替换/).isDisabled()).toBe(true);

    // The connection drops on the second chunk's first send: the upload retries it and goes on.
    let dropped = 0;
    await page.route('**/api/staff/roster/uploads/*/chunks/1', (route) => (dropped++ === 0 ? route.abort('connectionreset') : route.continue()));
    await page.getByRole('button', { name: '确认导入 1,995 名会员（合并）' }).click();
    // wrangler dev's simulated KV takes ~10 ms a write on this machine (seconds for 2,000); the wait is for that.
    await page.getByText(/导入完成：写入 1,995 名会员/).waitFor({ timeout: 150_000 });
    expect(dropped).toBe(2);

    const member = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    await member.goto(`${baseURL}/cinema/`);
    await member.getByRole('button', { name: '会员登录' }).click();
    await member.getByLabel('会员号').fill(numberOf(1234));
    await member.getByLabel('手机号后四位').fill(phoneOf(1234).slice(-4));
    await member.getByRole('button', { name: '登录', exact: true }).click();
    await member.getByRole('button', { name: '退出登录' }).waitFor();
    await Promise.all([page.context().close(), member.close()]);
  }, 240_000);

  it('signs in on the page, and tells an operator the roster is for admins', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const operator = await createStaffAccount(baseURL, 'operator');
    await page.goto(`${baseURL}/cinema/staff/roster/`);
    await page.getByLabel('用户名').fill(operator.username);
    await page.getByLabel('密码').fill(operator.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('只有管理员可以打开本页').waitFor();
    expect(await page.getByLabel(/名单文件/).count()).toBe(0);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility problems with a preview shown (%s)', async (colorScheme) => {
    const page = await rosterPage({ colorScheme });
    await choose(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
