import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run';
import { removeContentCaches } from '../helpers/content-caches';

// The site built whole and in three story parts (scripts/astro-build.ts), at one time, from the real content
// and stories that link across parts (tests/fixtures/build-parts-stories: drafts, scheduled stories, house
// components, .md stories, a story without a body).
const work = mkdtempSync(path.join(tmpdir(), 'huigong-build-parts-'));
// Named as no other build's content is: a whole build's cache is named by its content folder (astro.config.mjs).
const content = path.join(work, path.basename(work));
cpSync('content', content, { recursive: true });
cpSync('tests/fixtures/build-parts-stories', content, { recursive: true });
const whole = path.join(work, 'whole');
const parts = path.join(work, 'parts');
const BUILD_TIME = '2026-12-02T04:00:00Z';

function build(outDir: string, env: Record<string, string>) {
  return run('node', ['scripts/astro-build.ts'], { HUIGONG_CONTENT_DIR: content, HUIGONG_OUT_DIR: outDir, HUIGONG_BUILD_TIME: BUILD_TIME, ...env });
}

const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => existsSync(path.join(dir, f)) && /\.\w+$/.test(f)).sort();
// An island's uid is a hash of where its component was compiled from: each part compiles from a copy of the project.
const comparable = (text: string) => text.replace(/ uid="[^"]*"/g, ' uid=""');

let partsOutput = '';
beforeAll(() => {
  for (const [out, env] of [[whole, { HUIGONG_BUILD_PARTS: '1' }], [parts, { HUIGONG_BUILD_PARTS: '3' }]] as const) {
    const { status, output } = build(out, env);
    expect(status, output).toBe(0);
    partsOutput = output;
  }
}, 300_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // The caches of this copy of the content, which no later build uses.
  removeContentCaches(content);
});

describe('a site built in parts', () => {
  it('is the site built whole: the same files, the same pages, the same sitemap', () => {
    const pages = files(whole).filter((file) => !file.startsWith('_astro'));
    expect(files(parts).filter((file) => !file.startsWith('_astro'))).toEqual(pages);
    expect(pages.filter((file) => /^news\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThan(5);
    expect(pages).toContain('sitemap-0.xml');
    for (const file of pages) {
      expect(comparable(readFileSync(path.join(parts, file), 'utf8')), file).toBe(comparable(readFileSync(path.join(whole, file), 'utf8')));
    }
  });

  it('links a story another part renders from house components, once it is published', () => {
    const page = readFileSync(path.join(parts, 'news/links-across-parts/index.html'), 'utf8');
    expect(page).toContain('href="/news/changchun-gongyi-tijian/"');
    expect(page).toContain('href="/news/published-by-schedule/"');
    expect(page).toContain('href="/news/sichuan-gonghui-345/"');
    expect(page).not.toContain('/news/draft-in-another-part/');
    expect(page).not.toContain('/news/scheduled-in-another-part/');
    expect(page).toContain('《另一分片里的草稿》');
    expect(existsSync(path.join(parts, 'news/brief-without-body/index.html'))).toBe(true);
  });

  it('has every asset a page asks for', () => {
    const assets = new Set(files(parts).filter((file) => file.startsWith('_astro')).map((file) => `/${file.split(path.sep).join('/')}`));
    const wanted = files(parts)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => [...readFileSync(path.join(parts, file), 'utf8').matchAll(/"(\/_astro\/[^"?#]+)/g)].map((match) => match[1]!));
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.filter((asset) => !assets.has(asset))).toEqual([]);
  });

  it('reports no missing story: a story part’s stories kept out of its store are not missing', () => {
    expect(partsOutput).toContain('[stories-1-of-3]');
    expect(partsOutput).not.toContain('Invalid content reference');
  });

  it('leaves no copy of the project behind', () => {
    const workspace = /工作目录 (\S+)/.exec(partsOutput)?.[1];
    expect(workspace).toContain(path.join('.astro', 'build-parts-'));
    expect(existsSync(workspace!)).toBe(false);
  });
});

describe('the parts of one build', () => {
  it('publish by one clock: a story due by the build time has its page in a story part and its place in the shared part’s lists', () => {
    const out = path.join(work, 'publishing');
    const { status, output } = run('node', ['scripts/astro-build.ts'], {
      HUIGONG_CONTENT_DIR: 'tests/fixtures/content-publishing',
      HUIGONG_OUT_DIR: out,
      HUIGONG_BUILD_PARTS: '2',
      HUIGONG_BUILD_TIME: '2100-01-01T00:00:00Z',
    });
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'news/scheduled/index.html'))).toBe(true);
    expect(readFileSync(path.join(out, 'news/index.html'), 'utf8')).toContain('/news/scheduled/');
    expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toContain('/news/scheduled/');
    expect(existsSync(path.join(out, 'news/draft/index.html'))).toBe(false);
  }, 300_000);

  it('stop when one part fails, naming it and the file, and leave the last build’s output as it was', () => {
    const out = path.join(work, 'failing');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'the last good build');
    const { status, output } = run('node', ['scripts/astro-build.ts'], {
      HUIGONG_CONTENT_DIR: 'tests/fixtures/content-missing-title',
      HUIGONG_OUT_DIR: out,
      HUIGONG_BUILD_PARTS: '2',
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/构建分片 (shared|stories-\d-of-2) 失败/);
    expect(output).toContain('content-missing-title/news/no-headline.mdx');
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the last good build');
  }, 300_000);

  it('stop on an impossible date, which the shared part checks in every story (a story part only in its own)', () => {
    const { status, output } = run('node', ['scripts/astro-build.ts'], {
      HUIGONG_CONTENT_DIR: 'tests/fixtures/content-impossible-date',
      HUIGONG_OUT_DIR: path.join(work, 'impossible'),
      HUIGONG_BUILD_PARTS: '3',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('content-impossible-date/news/month-13.mdx:3: date：2026-13-01 不是真实的日期');
    expect(existsSync(path.join(work, 'impossible'))).toBe(false);
  }, 300_000);

  it('refuses a number of parts that is not one', () => {
    const { status, output } = run('node', ['scripts/astro-build.ts'], { HUIGONG_BUILD_PARTS: 'two', HUIGONG_OUT_DIR: path.join(work, 'never') });
    expect(status).not.toBe(0);
    expect(output).toContain('HUIGONG_BUILD_PARTS=two: expected a whole number of story parts');
    expect(existsSync(path.join(work, 'never'))).toBe(false);
  });

  it('refuses a build time that is not one, before building anything', () => {
    const { status, output } = run('node', ['scripts/astro-build.ts'], { HUIGONG_BUILD_PARTS: '2', HUIGONG_BUILD_TIME: '2026-02-30T12:00:00Z', HUIGONG_OUT_DIR: path.join(work, 'never') });
    expect(status).not.toBe(0);
    expect(output).toContain('HUIGONG_BUILD_TIME=2026-02-30T12:00:00Z');
    expect(existsSync(path.join(work, 'never'))).toBe(false);
  });
});
