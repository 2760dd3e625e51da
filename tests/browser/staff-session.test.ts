import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { signInStaff } from './staff-session';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('a staff session in Chromium against wrangler dev', () => {
  it('keeps the HttpOnly, Secure, SameSite=Strict cookie over http://127.0.0.1, and the role decides', async () => {
    const baseURL = inject('baseURL');
    const context = await browser.newContext();
    const door = await signInStaff(context, baseURL, 'door');
    const [cookie] = await context.cookies(baseURL);
    expect(cookie).toMatchObject({ name: 'hg_staff', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const page = await context.newPage();
    await page.goto(`${baseURL}/api/staff/me`);
    expect(JSON.parse(await page.locator('body').innerText())).toEqual({ username: door.username, role: 'door' });
    await page.goto(`${baseURL}/cinema/`);
    // A door account may read a screening's counts, not its attendance list.
    const attendance = await page.evaluate(async () => (await (await fetch('/api/staff/screenings/any/attendance.csv')).json()) as { error: { code: string } });
    expect(attendance.error.code).toBe('staff_forbidden');
    // Scripts use the account's API token instead of a cookie.
    const viaToken = await fetch(`${baseURL}/api/staff/me`, { headers: { Authorization: `Bearer ${door.token}` } });
    expect(await viaToken.json()).toEqual({ username: door.username, role: 'door' });
    await context.close();
  });
});
