import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { OwnServer } from './own-server';

/** The cheap phone the cinema's members use. */
export const PHONE = { width: 360, height: 740 };

export interface MemberPageOptions extends BrowserContextOptions {
  /** Signs demo member DEMO0000n in once the page is open. */
  member?: number;
  /** Where the page opens; /cinema/ unless said. */
  path?: string;
  /** Done to the page before it opens, e.g. routes that stand in for the server's answers. */
  beforeOpen?: (page: Page) => Promise<unknown>;
}

/**
 * A fresh context on a phone (360 × 740, zh-CN; any context option overrides) with a page of the site
 * open, signed in as a demo member when `member` is given.
 *
 *   const { context, page } = await memberPage(own, { member: 2, colorScheme: 'dark' });
 */
export async function memberPage(own: OwnServer, { member, path = '/cinema/', beforeOpen, ...contextOptions }: MemberPageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await own.browser.newContext({ viewport: PHONE, locale: 'zh-CN', ...contextOptions });
  const page = await context.newPage();
  await beforeOpen?.(page);
  await page.goto(`${own.server.baseURL}${path}`);
  if (member !== undefined) await signInMember(page, member);
  return { context, page };
}

/** Signs demo member DEMO0000n (phone ending in the same four digits) in from the 会员登录 button of /cinema/. */
export async function signInMember(page: Page, member: number): Promise<void> {
  await page.getByRole('button', { name: '会员登录' }).click();
  await fillMemberSignIn(page, member);
}

/** Fills the sign-in form already open on /cinema/ for DEMO0000n, sends it, and waits until signed in. */
export async function fillMemberSignIn(page: Page, member: number): Promise<void> {
  const n = String(member).padStart(5, '0');
  await page.getByLabel('会员号').fill(`DEMO${n}`);
  await page.getByLabel('手机号后四位').fill(n.slice(-4));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}
