import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface CinemaJourneyOptions {
  /** Where the site and its Worker run (`wrangler dev`, with demo members and the open demo screening). */
  baseURL: string;
  /** A demo member who holds no ticket for the demo screening yet (DEMO00001 is 1). */
  member: number;
  /** The screening to open and claim on. */
  screeningId?: string;
  /** Page text size in per cent (150 for members who enlarge text), set as the root font size, as text zoom does. */
  textPercent?: number;
}

/**
 * The member's journey through /cinema/ at whatever viewport and colour scheme `page` has: the list signed
 * out, sign-in opened in place, the list signed in, the seat picker (the whole hall, then zoomed in), the
 * claim's answer and 我的票 after a reload. One PNG per step in `outDir`, numbered in order; the paths.
 * For `npm run screenshots` (not `npm test`): the caller starts the server and chooses viewports.
 */
export async function shootCinemaJourneys(page: Page, outDir: string, options: CinemaJourneyOptions): Promise<string[]> {
  const { baseURL, member, screeningId = 'demo-local', textPercent } = options;
  mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  const textSize = async () => {
    if (textPercent) await page.evaluate((percent) => (document.documentElement.style.fontSize = `${percent}%`), textPercent);
  };
  const shoot = async (name: string, fullPage = false) => {
    const file = path.join(outDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage });
    shots.push(file);
  };
  const card = page.locator(`#list-view .screening[data-id="${screeningId}"]`);

  await page.goto(`${baseURL}/cinema/`);
  await textSize();
  await card.locator('.action').waitFor();
  await shoot('list-signed-out');
  await shoot('list-signed-out-full', true);

  const n = String(member).padStart(5, '0');
  await card.locator('.action').click();
  await page.getByLabel('会员号').fill(`DEMO${n}`);
  await page.getByLabel('手机号后四位').fill(n.slice(-4));
  await shoot('sign-in-in-place');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await shoot('list-signed-in');

  await card.getByRole('link').click();
  await page.locator('#seat-map .seat').first().waitFor();
  await shoot('picker-whole-hall');
  await shoot('picker-whole-hall-full', true);
  await page.locator('#zoom-in').click();
  await shoot('picker-zoomed');
  await page.locator('#zoom-out').click();

  await page.locator('#claim').click();
  await page.locator('#picker-message', { hasText: /领票成功|已领|已领完/ }).waitFor();
  await shoot('picker-claimed');

  await page.goto(`${baseURL}/cinema/`);
  await textSize();
  await page.locator('#ticket-list .ticket').first().waitFor();
  await shoot('list-with-ticket');
  await shoot('list-with-ticket-full', true);
  return shots;
}
