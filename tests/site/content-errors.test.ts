import { describe, expect, it } from 'vitest';
import { run } from '../helpers/run';

// The build itself refuses bad frontmatter, naming the file and the field.
describe('astro sync on broken content', () => {
  it('fails on a story without a headline, naming the file and the field', () => {
    const { status, output } = run('astro', ['sync'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/content-missing-title' });
    expect(status).not.toBe(0);
    expect(output).toContain('content-missing-title/news/no-headline.mdx');
    expect(output).toContain('title: 缺少标题（title）');
  });

  it('fails on a bad date, naming the file and the field', () => {
    const { status, output } = run('astro', ['sync'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/content-bad-date' });
    expect(status).not.toBe(0);
    expect(output).toContain('content-bad-date/news/bad-date.mdx');
    expect(output).toContain('date: 日期（date）无效');
  });

  it('fails on an impossible date that YAML would roll over, naming the file, the line and the fix', () => {
    const { status, output } = run('astro', ['sync'], { HUIGONG_CONTENT_DIR: 'tests/fixtures/content-impossible-date' });
    expect(status).not.toBe(0);
    expect(output).toContain('content-impossible-date/news/month-13.mdx:3: date：2026-13-01 不是真实的日期：没有 13 月（月份是 1–12');
  });
});
