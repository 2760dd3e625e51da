import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { distDir, executableScripts, htmlFiles, readPage } from '../helpers/dist';
import { readFrontmatter } from '../helpers/frontmatter';

const dist = distDir();
const programs = readdirSync('content/programs')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => ({ id: name.replace(/\.mdx$/, ''), data: readFrontmatter(path.join('content/programs', name)) as Record<string, any> }))
  .sort((a, b) => (a.data.order ?? 100) - (b.data.order ?? 100));
const squash = (text: string) => text.replace(/\s+/g, '');

describe('/programs/', () => {
  it('lists every program in order', () => {
    const page = readPage(dist, 'programs/index.html');
    const links = page.querySelectorAll('main .programs h2 a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(programs.map(({ id }) => `/programs/${id}/`));
  });

  it('has a page for each of the seed’s programs', () => {
    expect(programs.map(({ data }) => data.title)).toEqual([
      '惠工影院',
      '暖蜂驿站',
      '境外工会驿站',
      '货车司机之家',
      '新就业形态劳动者公益体检',
      '工会户外劳动者服务站点',
      '四川工会普惠服务',
    ]);
  });
});

describe('program pages', () => {
  it.each(programs)('/programs/$id/ shows its summary box', ({ id, data }) => {
    const page = readPage(dist, `programs/${id}/index.html`);
    expect(page.querySelector('h1')!.text).toBe(data.title);
    const summary = page.querySelector('.program-summary')!;
    expect(summary.querySelectorAll('dt').map((dt) => dt.text).slice(0, 4)).toEqual(['服务对象', '地点', '时间', '怎么用']);
    const answers = summary.querySelectorAll('dd').map((dd) => dd.text.trim());
    for (const [i, field] of (['audience', 'where', 'when'] as const).entries()) {
      expect(answers[i]).toBe(data[field] ?? '原报道未说明');
    }
    // The 惠工影院 page's live screening list is the one program page with a script (issue 5).
    if (id !== 'huigong-yingyuan') expect(executableScripts(page)).toHaveLength(0);
  });

  it.each(programs)('/programs/$id/ gives each key figure with its date and source story', ({ id, data }) => {
    const items = readPage(dist, `programs/${id}/index.html`).querySelectorAll('.program-summary .figures li');
    expect(items).toHaveLength((data.keyFigures ?? []).length);
    (data.keyFigures ?? []).forEach((figure: Record<string, string>, i: number) => {
      const item = items[i]!;
      expect(squash(item.querySelector('.value')!.text)).toBe(`${figure.value}${figure.unit}`);
      expect(item.querySelector('.label')!.text).toBe(figure.label);
      const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(figure.date!);
      expect(item.querySelector('.meta')!.text).toContain(date ? `${date[1]}年${Number(date[2])}月${Number(date[3])}日` : figure.date);
      expect(item.querySelector('.meta a')!.getAttribute('href')).toBe(`/news/${figure.sourceStory}/`);
    });
  });

  it('leaves a place for the cinema’s live screenings and claims', () => {
    const page = readPage(dist, 'programs/huigong-yingyuan/index.html');
    const live = page.querySelector('section#cinema-live')!;
    expect(live.getAttribute('aria-labelledby')).toBe('cinema-live-title');
    expect(live.querySelector('h2#cinema-live-title')!.text).toBe('近期场次');
    expect(live.querySelector('a[href="/cinema/"]')!.text).toBe('在线选座');
  });

  it('tells how claiming works at the cinema', () => {
    const text = squash(readPage(dist, 'programs/huigong-yingyuan/index.html').querySelector('main')!.text);
    for (const fact of ['每周一、周四中午', '每周三、周五下班后', '基层工会电影包场', '216场次', '73场次', '2.79万人次', '42场次', '380余人次']) {
      expect(text).toContain(fact);
    }
  });

  it('explains the 暖蜂驿站 star levels, goal and online services, and points riders to the 12351 hotline', () => {
    const page = readPage(dist, 'programs/nuanfeng-yizhan/index.html');
    const text = squash(page.querySelector('main')!.text);
    for (const fact of ['一星、二星', '三星以上', '1公里服务半径', '15分钟步行可达', '170个', '不少于1104个', '线上地图、会员一码通、服务预约']) {
      expect(text).toContain(fact);
    }
    // No stations are published: no link to an empty directory, the union's hotline instead.
    expect(page.querySelector('a[href^="/programs/nuanfeng-yizhan/stations/"]')).toBeNull();
    expect(page.querySelector('.directory-link a[href="tel:12351"]')!.text).toBe('12351');
    expect(text).toContain('职工服务热线');
  });
});

describe('the station directory with no published stations', () => {
  it('is linked from no public page: not the navigation, the footer, the program pages or the site map', () => {
    const linking = htmlFiles(dist)
      .filter((file) => !file.startsWith('programs/nuanfeng-yizhan/stations/'))
      .filter((file) => readPage(dist, file).querySelector('a[href^="/programs/nuanfeng-yizhan/stations/"]'));
    expect(linking).toEqual([]);
  });

  it('is kept out of search engines while it lists nothing', () => {
    const page = readPage(dist, 'programs/nuanfeng-yizhan/stations/index.html');
    expect(page.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
  });
});

describe('the station directory with no published stations', () => {
  const page = readPage(dist, 'programs/nuanfeng-yizhan/stations/index.html');

  it('says no list has been published, and lists nothing', () => {
    expect(page.querySelector('h1')!.text).toBe('暖蜂驿站名录');
    expect(page.querySelector('.notice')!.text).toContain('暖蜂驿站名录尚未发布');
    expect(page.querySelector('#station-list')).toBeNull();
  });

  it('builds no filter pages and ships no script', () => {
    expect(existsSync(path.join(dist, 'programs/nuanfeng-yizhan/stations/district'))).toBe(false);
    expect(existsSync(path.join(dist, 'programs/nuanfeng-yizhan/stations/star'))).toBe(false);
    expect(executableScripts(page)).toEqual([]);
  });
});
