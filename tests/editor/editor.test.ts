import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startAstroDev, type AstroDevServer } from '../helpers/astro-dev';
import { cleanEnv } from '../helpers/run';

// The browser editor end to end, as an editor uses it: Chromium against `astro dev` (the editor exists
// only there), writing into this checkout's content/. The story it creates is deleted and the story it
// edits is put back afterwards.
const NEW_STORY = 'content/news/bian-ji-qi-ce-shi-gao-jian.mdx';
const EDITED_STORY = 'content/news/shandong-huigong-yingyuan.mdx';
const original = readFileSync(EDITED_STORY, 'utf8');

/** What the editor writes for the story the first test makes: the house components as MDX tags, no imports. */
const EXPECTED_STORY = `---
title: 编辑器测试稿件
kind: story
byline: []
date: 2023-09-14
regions:
  - 山东
column: 要闻
tags: []
lead: false
order: 100
draft: false
---
<Honoree id="yao-jie">姚婕</Honoree>是全国劳模。

<KeyFigures>
  <KeyFigure value="216" unit="场次" label="放映电影" date="自惠工影院开放以来" />
</KeyFigures>

<RelatedStory id="shandong-huigong-yingyuan" />
`;

let server: AstroDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  expect(existsSync(NEW_STORY), `${NEW_STORY} is left from an earlier run: delete it`).toBe(false);
  server = await startAstroDev();
  browser = await launchChromium();
  // Wide enough that the editor's toolbar shows every mark button.
  page = await browser.newPage({ viewport: { width: 1920, height: 1000 } });
  // Each save changes content/, and the dev server then reloads the page; the editor needs no reload.
  await page.routeWebSocket(/./, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (!String(message).includes('full-reload')) socket.send(message);
    });
    socket.onMessage((message) => server.send(message));
  });
});

afterAll(async () => {
  rmSync(NEW_STORY, { force: true });
  writeFileSync(EDITED_STORY, original);
  await browser?.close();
  await server?.stop();
});

async function open(path: string) {
  await page.goto(`${server.baseURL}${path}`);
  // The editor is a large React app that the dev server compiles on first use.
  await page.locator('button[type=submit][form^="item-"]').waitFor({ timeout: 180_000 });
}

async function save() {
  const written = page.waitForResponse((response) => response.url().includes('/api/keystatic/update'), { timeout: 60_000 });
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.locator('button[type=submit][form^="item-"]').click();
  expect((await written).ok()).toBe(true);
}

/** The popover that opens over marked text holds an unlabelled pencil button, just below the text. */
async function editMarkIn(paragraphText: string) {
  const pencil = await page.waitForFunction((text) => {
    const paragraph = [...document.querySelectorAll('[contenteditable=true] p')].find((p) => p.textContent?.includes(text));
    if (!paragraph) return undefined;
    const below = paragraph.getBoundingClientRect();
    const button = [...document.querySelectorAll('button')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.top >= below.bottom - 2 && box.top < below.bottom + 80 && box.left < below.left + 150)
      .sort((a, b) => a.left - b.left)[0];
    return button && { x: button.left + button.width / 2, y: button.top + button.height / 2 };
  }, paragraphText, { timeout: 20_000 });
  const { x, y } = (await pencil.jsonValue())!;
  await page.mouse.click(x, y);
}

async function pick(label: RegExp | string, typed: string, option: string) {
  const combo = page.getByRole('dialog').getByRole('combobox', { name: label });
  await combo.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

async function insertBlock(label: RegExp) {
  await page.locator('button[aria-haspopup="true"]').last().click();
  await page.getByRole('menuitem', { name: label }).click();
}

describe('the browser editor', () => {
  it('refuses to save a story without a title, saying so in Chinese', async () => {
    await open('/keystatic/collection/news/create');
    await page.locator('button[type=submit][form^="item-"]').click();
    await page.getByText(/请填写“标题/).first().waitFor();
    await expect(page.getByText(/must not be empty|is required/).count()).resolves.toBe(0);
  });

  it('creates a story with a KeyFigures block, an Honoree mark and a RelatedStory block, as the expected MDX', async () => {
    await open('/keystatic/collection/news/create');
    await page.getByRole('textbox', { name: /^标题/ }).fill('编辑器测试稿件');
    await expect.poll(() => page.getByRole('textbox', { name: /^文件名/ }).inputValue()).toBe('bian-ji-qi-ce-shi-gao-jian');
    await page.getByLabel(/^日期/).fill('2023-09-14');
    await page.getByRole('checkbox', { name: '山东' }).check();

    const body = page.locator('[contenteditable=true]').first();
    await body.click();
    await page.keyboard.type('姚婕是全国劳模。');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('checkbox', { name: '光荣榜人物' }).click();
    await page.locator('[contenteditable=true] p').first().click({ position: { x: 14, y: 8 } });
    await editMarkIn('姚婕是全国劳模');
    await pick('光荣榜上的人或集体', 'yao', 'yao-jie');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    await page.locator('[contenteditable=true] p').first().click();
    await page.keyboard.press('End');
    await insertBlock(/^相关报道卡片/);
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await pick('稿件', 'shandong', 'shandong-huigong-yingyuan');
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

    await page.locator('[contenteditable=true] p').first().click();
    await page.keyboard.press('End');
    await insertBlock(/^关键数字框/);
    await page.getByRole('button', { name: 'Edit' }).nth(1).click();
    const figure = page.getByRole('dialog');
    await figure.getByRole('textbox', { name: /^数值/ }).fill('216');
    await figure.getByRole('textbox', { name: /^单位/ }).fill('场次');
    await figure.getByRole('textbox', { name: /^说明/ }).fill('放映电影');
    await figure.getByRole('textbox', { name: /^时间/ }).fill('自惠工影院开放以来');
    await figure.getByRole('button', { name: 'Done' }).click();

    await save();
    expect(readFileSync(NEW_STORY, 'utf8')).toBe(EXPECTED_STORY);
    // The guide's picture of the editor is this page: `UPDATE_GUIDE_SCREENSHOTS=1` retakes it (not every run,
    // so that a test run leaves the work tree as it was).
    if (process.env.UPDATE_GUIDE_SCREENSHOTS) await page.screenshot({ path: 'docs/images/editor-story.png' });
  });

  it('wrote a story that npm run check passes', () => {
    const check = spawnSync('npx', ['node', 'scripts/check-content.ts'], { encoding: 'utf8', env: cleanEnv() });
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  });

  it('wrote a story whose page renders the house components', async () => {
    const page = () => fetch(`${server.baseURL}/news/bian-ji-qi-ce-shi-gao-jian/`).then((r) => (r.ok ? r.text() : ''));
    await expect.poll(page, { timeout: 60_000 }).toContain('class="key-figures');
    const html = await page();
    expect(html).toMatch(/<a class="honoree[^"]*" href="\/honors\/yao-jie\/">姚婕<\/a>/);
    expect(html).toContain('href="/news/shandong-huigong-yingyuan/"');
    expect(html).toContain('放映电影');
  });

  it('changes only the title line when an existing story\'s title is edited', async () => {
    await open('/keystatic/collection/news/item/shandong-huigong-yingyuan');
    await page.getByRole('textbox', { name: /^标题/ }).fill('惠工影院人气正旺');
    await save();
    expect(readFileSync(EDITED_STORY, 'utf8')).toBe(original.replace('title: 惠工影院人气旺\n', 'title: 惠工影院人气正旺\n'));
    expect(original).toContain('title: 惠工影院人气旺\n');
  });
});
