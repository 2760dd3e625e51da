import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../helpers/axe';
import { ownServer } from './own-server';
import { signInStaff, type TestStaffAccount } from './staff-session';

const own = ownServer();

async function newContext(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return own.browser.newContext({ viewport: { width: options.width ?? 1024, height: 900 }, locale: 'zh-CN', colorScheme: options.colorScheme ?? 'light' });
}

/** A browser signed in as a new account of `role`, with confirm() dialogs accepted. */
async function staffBrowser(role: 'door' | 'operator' | 'admin', options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) {
  const context = await newContext(options);
  const account = await signInStaff(context, own.server.baseURL, role);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page, account };
}

/** The secret a one-time panel shows. */
async function shownSecret(page: Page): Promise<string> {
  const secret = page.locator('[data-secret]');
  await secret.waitFor();
  return (await secret.textContent())!.trim();
}

describe('the console’s accounts, API tokens and audit views', () => {
  let operator: TestStaffAccount;
  let revokedTokenName: string;

  it('an admin creates a door account, and the new account signs in with the password shown once', async () => {
    const { context, page } = await staffBrowser('admin');
    await page.goto(`${own.server.baseURL}/cinema/staff/accounts/`);
    const username = `door-new-${process.pid}`;
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('角色', { exact: true }).selectOption('door');
    await page.getByRole('button', { name: '新建账号' }).click();
    const password = await shownSecret(page);
    await page.getByText('只显示这一次').waitFor();
    await expect.poll(() => page.locator(`[data-account="${username}"] .staff-status`).textContent()).toContain('检票员 · 使用中');
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    expect(await page.locator('[data-secret]').count()).toBe(0);
    await context.close();

    const door = await (await newContext({ width: 360 })).newPage();
    await door.goto(`${own.server.baseURL}/cinema/staff/`);
    await door.getByLabel('用户名').fill(username);
    await door.getByLabel('密码').fill(password);
    await door.getByRole('button', { name: '登录' }).click();
    await door.waitForURL('**/cinema/checkin/');
    await door.context().close();
  });

  it('refuses an admin disabling their own account with the server’s message', async () => {
    const { context, page, account } = await staffBrowser('admin');
    await page.goto(`${own.server.baseURL}/cinema/staff/accounts/`);
    await page.locator(`[data-account="${account.username}"]`).getByRole('button', { name: /停用/ }).click();
    await page.getByText('不能停用自己的账号或更改自己的角色').waitFor();
    await expect.poll(() => page.locator(`[data-account="${account.username}"] .staff-status`).textContent()).toContain('使用中');
    await context.close();
  });

  it('an operator creates an API token, sees it once, revokes it, and the token is then refused', async () => {
    const { context, page, account } = await staffBrowser('operator');
    operator = account;
    revokedTokenName = `导出脚本 ${process.pid}`;
    await page.goto(`${own.server.baseURL}/cinema/staff/tokens/`);
    await page.getByLabel('名称（用途）').fill(revokedTokenName);
    await page.getByRole('button', { name: '新建令牌' }).click();
    const token = await shownSecret(page);
    expect(token).toMatch(/^hgs_/);
    const me = () => fetch(`${own.server.baseURL}/api/staff/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);

    await page.reload();
    const row = page.locator('.staff-row', { hasText: revokedTokenName });
    await row.waitFor();
    expect(await page.locator('[data-secret]').count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await row.getByRole('button', { name: /撤销/ }).click();
    await row.getByText(/已于 .+ 撤销/).waitFor();
    expect((await me()).status).toBe(401);
    await context.close();
  });

  it('the audit view lists those actions newest first, filters them, and offers the same filter as CSV', async () => {
    const { context, page } = await staffBrowser('operator');
    await page.goto(`${own.server.baseURL}/cinema/staff/audit/`);
    await page.locator('.audit-entries li').first().waitFor();
    const entries = await page.locator('.audit-entries li').evaluateAll((items) => items.map((item) => ({ action: item.getAttribute('data-action'), text: item.textContent ?? '' })));
    // The revoked token's two entries (the accounts made for each test make tokens of their own too).
    const revokedToken = (action: string) => entries.findIndex((entry) => entry.action === action && entry.text.includes(revokedTokenName));
    expect(revokedToken('token_revoke')).toBeGreaterThanOrEqual(0);
    expect(revokedToken('token_revoke')).toBeLessThan(revokedToken('token_create'));
    expect(entries.map((entry) => entry.action)).toContain('account_create');

    await page.getByLabel('操作', { exact: true }).selectOption('token_revoke');
    await page.getByLabel('账号', { exact: true }).fill(operator.username);
    await page.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => page.locator('.audit-entries li').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')))).toEqual(['token_revoke']);
    expect(await page.locator('.audit-entries').textContent()).toContain(revokedTokenName);
    expect(await page.getByRole('link', { name: '下载操作记录 CSV' }).getAttribute('href')).toBe(
      `/api/staff/audit.csv?action=token_revoke&actor=${encodeURIComponent(operator.username)}`,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载操作记录 CSV' }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      let text = '';
      for await (const chunk of stream) text += chunk;
      return text;
    });
    expect(csv).toContain('token_revoke');
    expect(csv).not.toContain('token_create');
    await context.close();
  });

  it('shows an operator the views an operator may open, and tells them accounts are for admins', async () => {
    const { context, page } = await staffBrowser('operator');
    await page.goto(`${own.server.baseURL}/cinema/staff/tokens/`);
    const nav = page.getByRole('navigation', { name: '影院后台' });
    await nav.getByRole('link', { name: '操作记录' }).waitFor();
    expect(await nav.getByRole('link', { name: '工作人员账号' }).count()).toBe(0);
    await page.goto(`${own.server.baseURL}/cinema/staff/accounts/`);
    await page.getByText('只有管理员可以').waitFor();
    expect(await page.getByLabel('用户名').count()).toBe(0);
    await context.close();
  });

  it('sends a door account opening the views to the check-in page', async () => {
    const { context, page } = await staffBrowser('door');
    for (const view of ['tokens', 'audit', 'accounts']) {
      await page.goto(`${own.server.baseURL}/cinema/staff/${view}/`);
      await page.waitForURL('**/cinema/checkin/');
    }
    await context.close();
  });

  it('has no serious accessibility violations, light and dark, phone-wide', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await staffBrowser('admin', { width: 360, colorScheme });
      for (const [view, loaded] of [
        ['accounts', '.staff-row'],
        ['tokens', '.staff-row'],
        ['audit', '.audit-entries li'],
      ]) {
        await page.goto(`${own.server.baseURL}/cinema/staff/${view}/`);
        await page.locator(loaded).first().waitFor();
        expect(await seriousViolations(page), `${view} ${colorScheme}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${view} ${colorScheme} fits 360 px`).toBeLessThanOrEqual(360);
      }
      await context.close();
    }
  });

  it('在所有设备上退出 ends the account’s sessions on other browsers too, and leaves its API tokens working', async () => {
    const { context, page, account } = await staffBrowser('operator');
    const other = await newContext({ width: 360 });
    const otherPage = await other.newPage();
    await otherPage.goto(`${own.server.baseURL}/cinema/staff/`);
    await otherPage.getByLabel('用户名').fill(account.username);
    await otherPage.getByLabel('密码').fill(account.password);
    await otherPage.getByRole('button', { name: '登录', exact: true }).click();
    await otherPage.getByRole('button', { name: '在所有设备上退出' }).waitFor();
    const meStatus = (target: Page) => target.evaluate(async () => (await fetch('/api/staff/me')).status);
    expect(await meStatus(otherPage)).toBe(200);

    await page.goto(`${own.server.baseURL}/cinema/staff/`);
    await page.getByRole('button', { name: '在所有设备上退出' }).click();
    await page.getByLabel('密码').waitFor();
    expect([await meStatus(page), await meStatus(otherPage)]).toEqual([401, 401]);
    const byToken = await fetch(`${own.server.baseURL}/api/staff/me`, { headers: { Authorization: `Bearer ${account.token}` } });
    expect(byToken.status).toBe(200);
    await Promise.all([context.close(), other.close()]);
  });
});
