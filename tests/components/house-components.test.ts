import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { executableScripts, readPage } from '../helpers/dist';
import { run } from '../helpers/run';

// A production build of a fixture whose story uses every house component without an import line
// (the story page passes src/components/house/index.ts to MDX as its components map).
const outDir = mkdtempSync(path.join(tmpdir(), 'huigong-house-'));
let story: HTMLElement;
let prose: HTMLElement;

beforeAll(() => {
  const { status, output } = run('astro', ['build'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/check-clean', HUIGONG_OUT_DIR: outDir });
  expect(status, output).toBe(0);
  story = readPage(outDir, 'news/house-components/index.html');
  prose = story.querySelector('.prose')!;
}, 180_000);

const squash = (text: string) => text.replace(/\s+/g, '');

describe('house components in a story, without import lines', () => {
  it('ReadingHint: the 阅读提示 box', () => {
    expect(squash(prose.querySelector('.reading-hint')!.text)).toBe('阅读提示这是正文里的阅读提示。');
  });

  it('Dateline: bold at the head of its paragraph, the paragraph’s text unchanged', () => {
    const paragraph = prose.querySelector('.dateline')!.parentNode!;
    expect(prose.querySelector('.dateline')!.text).toBe('本报成都9月13日电（记者 张三）');
    expect(paragraph.text).toBe('本报成都9月13日电（记者 张三）全国劳动模范张三介绍了经验。');
  });

  it('Honoree: the name as written, linked to the honor roll', () => {
    const link = prose.querySelector('a.honoree')!;
    expect([link.text, link.getAttribute('href')]).toEqual(['张三', '/honors/zhang-san/']);
  });

  it('KeyFigures: each figure with its unit, label and date, and the source', () => {
    const box = prose.querySelector('figure.key-figures')!;
    expect(box.querySelector('figcaption')!.text).toBe('关键数字');
    expect(box.querySelectorAll('li').map((li) => [squash(li.querySelector('.value')!.text), li.querySelector('.label')!.text, li.querySelector('.date')!.text])).toEqual([
      ['1086万人', '全省技能人才总量', '截至2023年5月'],
      ['233万人', '其中高技能人才', '截至2023年5月'],
    ]);
    expect(box.querySelector('.source')!.text).toBe('来源：本篇报道');
    expect(box.getAttribute('data-search-ignore')).not.toBeUndefined();
  });

  it('PullQuote: the quote and who said it, hidden from screen readers as a repeat', () => {
    const quote = prose.querySelector('.pull-quote')!;
    expect(quote.getAttribute('aria-hidden')).toBe('true');
    expect(quote.querySelector('blockquote')!.text).toBe('全省技能人才总量达1086万人。');
    expect(quote.querySelector('.cite')!.text).toBe('——张三');
  });

  it('Figure: the image with its alt, caption and credit; no image invented when there is none', () => {
    const [withImage, without] = prose.querySelectorAll('figure.house-figure');
    expect(withImage!.querySelector('img')!.getAttribute('src')).toBe('/favicon.svg');
    expect(withImage!.querySelector('img')!.getAttribute('alt')).toBe('惠工的标志');
    expect(withImage!.querySelector('.credit')!.text).toBe('本报记者 张三 摄');
    expect(without!.querySelector('img')).toBeNull();
    expect(without!.querySelector('figcaption')!.text).toContain('没有原图时只印说明和署名。');
    expect(without!.querySelector('.credit')!.text).toBe('新华社记者 牟宇 摄');
  });

  it('RelatedStory: the story’s title, date and link', () => {
    const card = prose.querySelector('.related-story')!;
    expect(card.querySelector('a')!.getAttribute('href')).toBe('/news/related-story/');
    expect(card.querySelector('a')!.text).toBe('惠工影院人气旺');
    expect(card.querySelector('time')!.text).toBe('2023年9月13日');
  });

  it('ProgramCard: the program’s title, summary and link', () => {
    const card = prose.querySelector('.program-card')!;
    expect(card.querySelector('a')!.getAttribute('href')).toBe('/programs/huigong-yingyuan/');
    expect(card.querySelector('.summary')!.text).toBe('测试用的服务项目。');
  });

  it('leaves the page with one h1, no script and no inline style attribute', () => {
    expect(story.querySelectorAll('h1')).toHaveLength(1);
    expect(executableScripts(story)).toEqual([]);
    expect(story.querySelectorAll('[style]')).toEqual([]);
  });

  it('works on program pages too', () => {
    const program = readPage(outDir, 'programs/huigong-yingyuan/index.html');
    expect(program.querySelector('.prose .related-story a')!.getAttribute('href')).toBe('/news/related-story/');
  });
});

/**
 * A story entry as the build's content store holds it (node_modules/.astro-<folder>/data-store.json,
 * devalue's flat form: every value an index into one array).
 */
function storedStory(id: string): { rendered?: string; deferred: boolean } {
  const table = JSON.parse(readFileSync('node_modules/.astro-check-clean/data-store.json', 'utf8')) as unknown[];
  const entry = table.find(
    (value): value is Record<string, number> => typeof value === 'object' && value !== null && !Array.isArray(value) && 'filePath' in value && table[(value as Record<string, number>).id!] === id,
  )!;
  const rendered = entry.rendered === undefined ? undefined : (table[entry.rendered] as Record<string, number>);
  return { rendered: rendered && (table[rendered.html!] as string), deferred: entry.deferredRender !== undefined && table[entry.deferredRender] === true };
}

describe('a story without MDX beside one with components', () => {
  it('is rendered as Markdown into the content store, not left to a module of its own', () => {
    expect(storedStory('related-story')).toEqual({ rendered: '<p>每到周一、周四中午，抢票就成为职工的“固定动作”。</p>\n', deferred: false });
  });

  it('leaves the story with components to MDX', () => {
    expect(storedStory('house-components')).toEqual({ rendered: undefined, deferred: true });
  });

  it('shows its prose on its page', () => {
    const page = readPage(outDir, 'news/related-story/index.html');
    expect(page.querySelector('.prose p')!.text).toBe('每到周一、周四中午，抢票就成为职工的“固定动作”。');
  });
});

describe('a house component’s id', () => {
  it('fails the build with a Chinese message naming an id that does not exist', () => {
    const failed = mkdtempSync(path.join(tmpdir(), 'huigong-house-bad-'));
    const { status, output } = run('astro', ['build'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/check-house-bad-id', HUIGONG_OUT_DIR: failed });
    expect(status).not.toBe(0);
    expect(output).toContain('<Honoree id="zhang-sna">：光荣榜里没有“zhang-sna”');
  });
});
