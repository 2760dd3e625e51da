/**
 * node scripts/normalise-content.ts [http://127.0.0.1:4321] [collection …]
 *
 * Has the browser editor (Keystatic) write every content file once, so that a later save in the editor
 * changes only what the editor changed. Run it with `npm run dev` serving the address given (the default
 * is Astro's), after merging content written by hand or after upgrading Keystatic; then review the diff
 * (text must stay verbatim: tests/site/content-fidelity.test.ts) and commit. For each entry it adds a
 * character to the first text field and saves, then takes it away and saves: what is left on disk is
 * Keystatic's own writing of the unchanged entry (it does not write an entry saved without a change).
 */
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:4321', ...only] = process.argv.slice(2);
const COLLECTIONS = { news: '.mdx', programs: '.mdx', honors: '.yaml', screenings: '.yaml', halls: '.yaml' } as const;
const entries = Object.entries(COLLECTIONS)
  .filter(([collection]) => only.length === 0 || only.includes(collection))
  .flatMap(([collection, ext]) =>
    readdirSync(`content/${collection}`)
      .filter((file) => file.endsWith(ext))
      .map((file) => `${collection}/item/${file.slice(0, -ext.length)}`),
  );

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// Each save changes content/ and the dev server reloads the page; drop those reloads so that one page
// session walks through every entry.
await page.routeWebSocket(/./, (socket) => {
  const server = socket.connectToServer();
  server.onMessage((message) => {
    if (!String(message).includes('full-reload')) socket.send(message);
  });
  socket.onMessage((message) => server.send(message));
});
const save = page.locator('button[type=submit][form^="item-"]');
async function saveAndWait() {
  const written = page.waitForResponse((response) => response.url().includes('/api/keystatic/update'), { timeout: 60_000 });
  await save.click();
  if (!(await written).ok()) throw new Error('保存失败');
}

await page.goto(`${base}/keystatic`, { waitUntil: 'networkidle' });
for (const entry of entries) {
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/keystatic/collection/${entry}`);
  // The entry's file name shows in the page header once its form, not the previous entry's, is shown.
  await page.locator(`header >> text=${entry.split('/').pop()}`).first().waitFor({ timeout: 120_000 });
  await save.waitFor({ timeout: 120_000 });
  const input = page.locator('#item-edit-form input[type=text], input[type=text]').first();
  const before = await input.inputValue();
  await input.fill(`${before}x`);
  await saveAndWait();
  await input.fill(before);
  await saveAndWait();
  console.log(`已重写 ${entry}`);
}
await browser.close();
