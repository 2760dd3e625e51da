import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/run';

// Each wrangler call starts workerd (seconds on a busy machine), hence the long timeouts.
// A site folder of three searchable pages and a 404 page with nothing searchable, indexed into a local D1 of its own.
const work = mkdtempSync(path.join(tmpdir(), 'huigong-search-reindex-'));
const site = path.join(work, 'dist');
const state = path.join(work, 'state');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const writePage = (file: string, html: string) => {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), `<!doctype html><html lang="zh-CN"><body><header><a href="/">惠工</a></header><main>${html}</main></body></html>`);
};
const story = (title: string, body: string) =>
  `<article data-search-body="news"><h1>${title}</h1><p data-search-ignore>本报记者 <time datetime="2026-11-30">2026年11月30日</time></p><p>${body}</p></article>`;

const reindex = (...args: string[]) => spawnSync('npx', ['node', 'scripts/search-reindex.ts', '--site', site, ...args], { encoding: 'utf8', env: cleanEnv() });
const reindexLocal = () => {
  const result = reindex('--local', '--persist-to', state);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
/** The rows of each query, in one wrangler call (each call starts a workerd). */
const d1 = (...queries: string[]): unknown[][] => {
  const result = spawnSync('npx', ['wrangler', 'd1', 'execute', 'SEARCH', '--local', '--persist-to', state, '--json', '--command', queries.join(';\n')], { encoding: 'utf8', env: cleanEnv() });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { results: unknown[] }[]).map((answer) => answer.results);
};
const DOCUMENTS = 'SELECT url, type, title, date FROM search_documents ORDER BY url';
/** The pages whose passages hold the phrase (a pair of characters is one term of the index). */
const pagesWith = (pair: string) => `SELECT DISTINCT d.url FROM search_terms t JOIN search_documents d ON t.rowid / 1000 = d.id WHERE search_terms MATCH '"${pair}"' ORDER BY d.url`;
const PASSAGES = 'SELECT count(*) AS n FROM search_passages';
const urls = (rows: unknown[]) => rows.map((row) => (row as { url: string }).url);
const counts = (line: string) => /(\d+) 页，新增 (\d+)，更新 (\d+)，删除 (\d+)，未变 (\d+)/.exec(line)?.slice(1).map(Number);

describe('npm run search:reindex', () => {
  it('indexes the built pages, then writes only what changed and deletes what was removed', () => {
    writePage('news/a/index.html', story('惠工影院周末放映', '职工凭会员号免费领票。'));
    writePage('news/b/index.html', story('职工书屋开放', '书屋每天开放到晚上九点。'));
    writePage('programs/c/index.html', '<div data-search-body="programs"><h1>困难职工帮扶</h1><p>帮扶对象为在职困难职工。</p></div>');
    writePage('404.html', '<h1>页面不存在</h1>');

    expect(counts(reindexLocal())).toEqual([3, 3, 0, 0, 0]);
    const [indexed, cinema, help] = d1(DOCUMENTS, pagesWith('影院'), pagesWith('帮扶'));
    expect(indexed).toEqual([
      { url: '/news/a/', type: 'news', title: '惠工影院周末放映', date: '2026-11-30' },
      { url: '/news/b/', type: 'news', title: '职工书屋开放', date: '2026-11-30' },
      { url: '/programs/c/', type: 'programs', title: '困难职工帮扶', date: null },
    ]);
    expect(urls(cinema!)).toEqual(['/news/a/']);
    expect(urls(help!)).toEqual(['/programs/c/']);

    writePage('news/b/index.html', story('职工书屋延长开放', '书屋每天开放到晚上十点。'));
    expect(counts(reindexLocal())).toEqual([3, 0, 1, 0, 2]);
    const [changed, before, after] = d1(DOCUMENTS, pagesWith('九点'), pagesWith('十点'));
    expect(changed!.map((row) => (row as { title: string }).title)).toEqual(['惠工影院周末放映', '职工书屋延长开放', '困难职工帮扶']);
    expect(urls(before!)).toEqual([]);
    expect(urls(after!)).toEqual(['/news/b/']);

    rmSync(path.join(site, 'programs'), { recursive: true });
    expect(counts(reindexLocal())).toEqual([2, 0, 0, 1, 2]);
    const [left, removed, passages] = d1(DOCUMENTS, pagesWith('帮扶'), PASSAGES);
    expect(urls(left!)).toEqual(['/news/a/', '/news/b/']);
    expect(urls(removed!)).toEqual([]);
    // Each page's passages once: none left behind by the rewrite or the removal.
    expect(passages).toEqual([{ n: 2 }]);

    expect(counts(reindexLocal())).toEqual([2, 0, 0, 0, 2]);
    const full = reindex('--local', '--persist-to', state, '--full');
    expect(counts(full.stdout)).toEqual([2, 0, 2, 0, 0]);
    expect(d1(PASSAGES)).toEqual([[{ n: 2 }]]);
  }, 900_000);

  it('fails naming a page whose searchable part is bad, before touching the database', () => {
    writePage('news/bad/index.html', '<article data-search-body="news"><p>没有标题的正文。</p></article>');
    const result = reindex('--local', '--persist-to', state);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`页面 ${path.join(site, 'news/bad/index.html')} 无法编入搜索`);
    expect(result.stderr).toContain('title');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    rmSync(path.join(site, 'news/bad'), { recursive: true });
  }, 300_000);

  it("says so when the site folder is missing or wrangler fails, with wrangler's own words", () => {
    const missing = spawnSync('npx', ['node', 'scripts/search-reindex.ts', '--site', path.join(work, 'nowhere'), '--local'], { encoding: 'utf8', env: cleanEnv() });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`找不到网站目录 ${path.join(work, 'nowhere')}（先运行 npm run build）`);

    const config = path.join(work, 'no-d1.toml');
    writeFileSync(config, 'name = "no-d1"\nmain = "index.ts"\ncompatibility_date = "2026-08-01"\n');
    const failed = reindex('--local', '--persist-to', state, '--config', config);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('search:reindex：wrangler d1 migrations apply 失败');
    expect(failed.stderr).toContain('No migrations');
  }, 300_000);
});
