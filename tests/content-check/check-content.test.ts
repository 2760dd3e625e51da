import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content-check/check-content';
import { formatProblem } from '../../src/content-check/problem';

const NOW = new Date('2026-11-28T08:00:00Z');

const VOCABULARY = `regions:
  - { name: 四川, slug: sichuan }
columns:
  - { name: 要闻, slug: yaowen }
tags:
  - { name: 工匠人才, slug: gongjiang-rencai }
`;

const story = (body: string, extra = '') => `---
title: "稿件"
date: 2023-09-14
regions: [四川]
column: 要闻
${extra}---

${body}
`;

/** Runs the check on files given as { 'news/a.mdx': text }, with a vocabulary unless one is given. */
function check(files: Record<string, string>, publicFiles: string[] = []) {
  const all = new Map(Object.entries({ 'vocabulary.yaml': VOCABULARY, ...files }));
  const result = checkContent({ root: 'content', files: all, publicFiles: new Set(publicFiles) }, NOW);
  return { ...result, lines: result.problems.map(formatProblem) };
}

describe('checkContent', () => {
  it('passes valid content and counts the files it read', () => {
    const { problems, checkedFiles } = check({ 'news/a.mdx': story('正文。'), 'news/README.md': '说明' });
    expect(problems).toEqual([]);
    expect(checkedFiles).toBe(2);
  });

  it('refuses a story dated after today in Beijing unless publishAt schedules it, by a stable code', () => {
    const { problems } = check({
      'news/tomorrow.mdx': story('正文。').replace('date: 2023-09-14', 'date: 2026-11-29'),
      'news/scheduled.mdx': story('正文。', 'publishAt: 2026-11-29T08:00:00+08:00\n').replace('date: 2023-09-14', 'date: 2026-11-29'),
      'news/today.mdx': story('正文。').replace('date: 2023-09-14', 'date: 2026-11-28'),
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'content/news/tomorrow.mdx', line: 3, code: 'future_date' })]);
  });

  it('needs the vocabulary, and checks no story against a missing one', () => {
    const result = checkContent(
      { root: 'content', files: new Map([['news/a.mdx', story('正文。')]]), publicFiles: new Set() },
      NOW,
    );
    expect(result.problems.map(formatProblem)).toEqual(['content/vocabulary.yaml: 缺少受控词表（地区、栏目、标签）（照 content/vocabulary.yaml 建一个）']);
  });

  it('reports every problem of a file at once, not the first only', () => {
    const { lines } = check({ 'news/a.mdx': story('<Foo />\n\n见[没有](/news/none/)。', 'tags: [电影]\nlead: 是\n') });
    expect(lines).toHaveLength(4);
  });

  it('lets a file use components it imports itself', () => {
    const body = "import Chart from '../../src/components/Chart.astro';\n\n<Chart />";
    expect(check({ 'news/a.mdx': story(body) }).problems).toEqual([]);
  });

  it('offers the program page’s own components on program pages only', () => {
    const program = `---
title: 惠工影院
summary: 简介。
regions: [四川]
stories: [a]
---

<CinemaLive />
`;
    const { lines } = check({ 'news/a.mdx': story('<CinemaLive />'), 'programs/p.mdx': program });
    expect(lines).toEqual(['content/news/a.mdx:8: <CinemaLive> 不是本站的组件（可用的组件有：ReadingHint、Figure、PullQuote、KeyFigures、KeyFigure、Honoree、ProgramCard、RelatedStory、Dateline（见 docs/编辑指南.md））']);
  });

  it('lets drafts link to each other', () => {
    const files = { 'news/a.mdx': story('见[乙](/news/b/)。', 'draft: true\n'), 'news/b.mdx': story('正文。', 'draft: true\n') };
    expect(check(files).problems).toEqual([]);
  });

  it('does not report links to a story a second time when that story has problems of its own', () => {
    const { lines } = check({ 'news/a.mdx': story('见[乙](/news/b/)。'), 'news/b.mdx': story('正文。', 'column: 其他\n') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/news\/b\.mdx:/);
  });

  it('finds images in public/', () => {
    expect(check({ 'news/a.mdx': story('![图](/images/a.jpg)') }, ['/images/a.jpg']).problems).toEqual([]);
  });

  it('accepts a pull quote whose words are in the story, markup aside', () => {
    const body = '他说：“**这是**我最难忘的一次生日。”\n\n<PullQuote cite="他">这是我最难忘的一次生日。</PullQuote>';
    expect(check({ 'news/a.mdx': story(body) }).problems).toEqual([]);
  });

  describe('screenings that were released as committed', () => {
    const hall = 'name: 一号厅\nvenue: 示例影院\nrows:\n  - { row: 1, seats: 4 }\n';
    const screening = (id: string | undefined, startsAt: string, extra = '') =>
      `${id ? `id: ${id}\n` : ''}film:\n  title: 示例\n  synopsis: 示例。\n  runtimeMinutes: 90\nhall: h\nstartsAt: ${startsAt}\n${extra}`;
    // NOW is Saturday 2026-11-28 16:00 Beijing time: that evening's seats were released on Thursday 26 November.
    const checkAgainst = (files: Record<string, string>, committed: Record<string, string>) =>
      checkContent(
        { root: 'content', files: new Map(Object.entries({ 'vocabulary.yaml': VOCABULARY, 'halls/h.yaml': hall, ...files })), publicFiles: new Set(), committed: new Map(Object.entries(committed)) },
        NOW,
      ).problems.map(formatProblem);

    it('refuses a working tree where a released screening’s id has gone, saying how to move it safely', () => {
      const lines = checkAgainst(
        { 'screenings/2026-12-09-1830.yaml': screening('2026-12-09-1830', '2026-12-09T18:30:00+08:00') },
        { 'screenings/2026-11-28-1830.yaml': screening('2026-11-28-1830', '2026-11-28T18:30:00+08:00') },
      );
      expect(lines).toEqual([
        'content/screenings/2026-11-28-1830.yaml: 已经放票的场次“2026-11-28-1830”不见了（改了 id、改名时丢了 id，或者删了文件）：领到票的人会找不到电子票，座位会被重新放出（要改时间或文件名，就只改 startsAt 或文件名，保留 id: 2026-11-28-1830；这一场不放映了，先请影院运营人员通知领票人、处理已领的票，再删文件。提交了也没用：部署会和线上的场次核对，照样拒绝）',
      ]);
    });

    it('accepts a released screening moved to a new time and file name with its id kept', () => {
      const lines = checkAgainst(
        { 'screenings/2026-11-29-1830.yaml': screening('2026-11-28-1830', '2026-11-29T18:30:00+08:00') },
        { 'screenings/2026-11-28-1830.yaml': screening('2026-11-28-1830', '2026-11-28T18:30:00+08:00') },
      );
      expect(lines).toEqual([]);
    });

    it('reads the file name as the id of a file committed before ids were written, and lets unreleased screenings go', () => {
      const lines = checkAgainst(
        { 'screenings/2026-11-28-1830.yaml': screening('2026-11-28-1830', '2026-11-28T18:30:00+08:00') },
        {
          'screenings/2026-11-28-1830.yaml': screening(undefined, '2026-11-28T18:30:00+08:00'),
          'screenings/2027-01-06-1830.yaml': screening(undefined, '2027-01-06T18:30:00+08:00'),
          'screenings/early.yaml': screening('early', '2027-01-08T18:30:00+08:00', 'releaseAt: 2026-11-01T12:00:00+08:00\n'),
        },
      );
      expect(lines).toEqual([expect.stringMatching(/^content\/screenings\/early\.yaml: 已经放票的场次“early”不见了/)]);
    });
  });
});
