import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../helpers/run';

// `npm run new` into a copy of the real content: each kind writes a file that `npm run check` passes,
// and nothing is ever overwritten.
const dir = mkdtempSync(path.join(tmpdir(), 'huigong-new-'));
const newContent = (...args: string[]) => run('node', ['scripts/new-content.ts', ...args], { HUIGONG_CONTENT_DIR: dir });
const before = (folder: string) => new Set(readdirSync(path.join(dir, folder)));
const added = (folder: string, old: Set<string>) => readdirSync(path.join(dir, folder)).filter((name) => !old.has(name));

beforeAll(() => cpSync('content', dir, { recursive: true }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  it('writes a news draft with a pinyin slug and says where to preview it', () => {
    const { status, output } = newContent('news', '惠工影院人气旺');
    expect(status, output).toBe(0);
    const file = path.join(dir, 'news/hui-gong-ying-yuan-ren-qi-wang.mdx');
    expect(output).toContain('news/hui-gong-ying-yuan-ren-qi-wang.mdx');
    expect(output).toContain('http://localhost:4321/news/hui-gong-ying-yuan-ren-qi-wang/');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('draft: true');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(text).toContain(`date: ${today}`);
  });

  it('takes a slug of the editor’s choosing', () => {
    const { status } = newContent('news', '聚焦“工”字特色', '--slug', 'sichuan-gonghui-jujiao');
    expect(status).toBe(0);
    expect(existsSync(path.join(dir, 'news/sichuan-gonghui-jujiao.mdx'))).toBe(true);
  });

  it('writes an honoree named in pinyin, citing the newest draft', () => {
    const { status, output } = newContent('honor', '单雄信');
    expect(status, output).toBe(0);
    const text = readFileSync(path.join(dir, 'honors/shan-xiong-xin.yaml'), 'utf8');
    expect(text).toMatch(/^stories:\n  - (hui-gong-ying-yuan-ren-qi-wang|sichuan-gonghui-jujiao)$/m);
    expect(output).toContain('/honors/shan-xiong-xin/');
  });

  it('writes a program citing the story given', () => {
    const { status, output } = newContent('program', '职工书屋', '--story', 'shandong-huigong-yingyuan');
    expect(status, output).toBe(0);
    expect(readFileSync(path.join(dir, 'programs/zhi-gong-shu-wu.mdx'), 'utf8')).toContain('stories:\n  - shandong-huigong-yingyuan\n');
  });

  it('writes a screening on the next free Wednesday evening in the first hall', () => {
    const old = before('screenings');
    const { status, output } = newContent('screening', '示例影片戊');
    expect(status, output).toBe(0);
    const [name] = added('screenings', old);
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-1830-huigong-yingyuan\.yaml$/);
    expect(new Date(`${name!.slice(0, 10)}T00:00:00Z`).getUTCDay()).toBe(3);
    const text = readFileSync(path.join(dir, 'screenings', name!), 'utf8');
    expect(text).toContain('hall: huigong-yingyuan');
    expect(text).toContain(`startsAt: '${name!.slice(0, 10)}T18:30:00+08:00'`);
    expect(text).toContain(`id: ${name!.replace('.yaml', '')}`);
  });

  it('gives a screening a readable id of its start and hall, fixed at creation and also its file name', () => {
    const { status, output } = newContent('screening', '示例影片己', '--at', '2027-06-04 19:00');
    expect(status, output).toBe(0);
    const text = readFileSync(path.join(dir, 'screenings/2027-06-04-1900-huigong-yingyuan.yaml'), 'utf8');
    expect(text).toMatch(/^id: 2027-06-04-1900-huigong-yingyuan$/m);
  });

  it('writes content that npm run check passes', () => {
    const { status, output } = run('node', ['scripts/check-content.ts', dir]);
    expect(status, output).toBe(0);
    expect(output).toContain('内容检查通过');
  });

  it('never overwrites a file', () => {
    const file = path.join(dir, 'news/hui-gong-ying-yuan-ren-qi-wang.mdx');
    writeFileSync(file, '编辑已经写了的稿件');
    const { status, output } = newContent('news', '惠工影院人气旺');
    expect(status).toBe(1);
    expect(output).toContain('已有文件');
    expect(output).toContain('没有覆盖');
    expect(readFileSync(file, 'utf8')).toBe('编辑已经写了的稿件');

    const screening = path.join(dir, 'screenings/2026-12-02-1830.yaml');
    const kept = readFileSync(screening, 'utf8');
    const again = newContent('screening', '示例影片', '--at', '2026-12-02 18:30');
    expect(again.status).toBe(1);
    expect(again.output).toContain('这个时间已有场次');
    expect(readdirSync(path.join(dir, 'screenings')).filter((name) => name.startsWith('2026-12-02-1830'))).toEqual(['2026-12-02-1830.yaml']);
    expect(readFileSync(screening, 'utf8')).toBe(kept);
  });

  it('refuses a slug that cannot be a URL and explains how to call it', () => {
    expect(newContent('news', '标题', '--slug', 'Bad Slug').output).toContain('只能用小写字母、数字和连字符');
    const { status, output } = newContent('story', '标题');
    expect(status).toBe(1);
    expect(output).toContain('用法：npm run new');
  });
});
