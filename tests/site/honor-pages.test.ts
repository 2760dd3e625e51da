import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { distDir, executableScripts, readPage } from '../helpers/dist';
import { storyFiles } from '../helpers/frontmatter';
import { yamlEntries } from '../helpers/content';

// Expectations are worked out here from the raw YAML, independently of src/honors/.
const dist = distDir();
const honorees = yamlEntries('content/honors');
const honorList: { name: string; slug: string; level: string }[] = parse(readFileSync('content/honor-names.yaml', 'utf8')).honors;
const regions: { name: string; slug: string }[] = parse(readFileSync('content/vocabulary.yaml', 'utf8')).regions;
const levelOf = (name: string) => honorList.find((honor) => honor.name === name)!.level;
const slugOf = (name: string) => honorList.find((honor) => honor.name === name)!.slug;
const SEED_HONOREES = ['姚婕', '秦环兵', '周功建', '王效知', '高兴泽', '柬埔寨暹粒吴哥国际机场项目工会驿站'];

/** Each honoree's keys per filter, from its YAML. */
const keysOf = (data: Record<string, any>): Record<string, string[]> => ({
  honor: data.honors.map((honor: { name: string }) => slugOf(honor.name)),
  level: data.honors.map((honor: { name: string }) => levelOf(honor.name)),
  region: data.regions.map((name: string) => regions.find((region) => region.name === name)!.slug),
  year: data.honors.flatMap((honor: { year?: number }) => (honor.year ? [String(honor.year)] : [])),
});

/** The honoree names a roll page lists. */
const listedNames = (file: string) =>
  readPage(dist, file)
    .querySelectorAll('main .honorees > li .name a')
    .map((link) => link.text.trim());

describe('/honors/', () => {
  const page = readPage(dist, 'honors/index.html');

  it('lists every honoree the seed names, and no one else', () => {
    expect(listedNames('honors/index.html').sort()).toEqual([...SEED_HONOREES].sort());
  });

  it('lists persons and collectives apart', () => {
    const sections = page.querySelectorAll('main section').filter((section) => section.querySelector('.honorees'));
    expect(sections.map((section) => section.querySelector('h2')!.text)).toEqual(['个人', '集体']);
    expect(sections[1]!.querySelectorAll('.name a').map((a) => a.text)).toEqual(['柬埔寨暹粒吴哥国际机场项目工会驿站']);
    expect(page.querySelector('[data-count]')!.text).toBe('共 5 人、1 个集体');
  });

  it('counts the honorees of each honor and each level', () => {
    const chips = page.querySelectorAll('nav.filters li').map((li) => li.text.replace(/\s+/g, ''));
    for (const honor of honorList) {
      const count = honorees.filter(([, data]) => data.honors.some((h: { name: string }) => h.name === honor.name)).length;
      if (count > 0) expect(chips).toContain(`${honor.name}（${count}）`);
    }
    expect(chips).toEqual(expect.arrayContaining(['全国（4）', '省级（2）']));
    // A chip that leads nowhere is not offered.
    expect(chips.filter((chip) => chip.endsWith('（0）'))).toEqual([]);
    expect(chips).toEqual(expect.arrayContaining(['全国劳动模范（2）', '荆楚工匠（1）', '最美工会户外劳动者服务站点（1）']));
  });

  it('offers no year filter while no honor has a year, and no empty year pages', () => {
    expect(page.querySelector('nav.filters')!.text).not.toContain('年份');
    expect(existsSync(path.join(dist, 'honors/year'))).toBe(false);
  });

  it('folds the filters under a closed 筛选, so the list comes first', () => {
    const details = page.querySelector('main details.honor-filters')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')!.text).toContain('筛选');
    expect(details.querySelector('nav.filters')).not.toBeNull();
  });

  it('shows the 四川 totals as figures with their source, not as names', () => {
    const totals = page.querySelector('.totals')!;
    const text = totals.text.replace(/\s+/g, '');
    expect(text).toContain('大国工匠全国4人');
    expect(text).toContain('四川工匠省级180人');
    expect(text).toContain('市州级工匠市级3896人');
    expect(totals.querySelector('a')!.getAttribute('href')).toBe('/news/sichuan-gonghui-345/');
  });

  it('runs no script', () => {
    expect(executableScripts(page)).toEqual([]);
  });
});

describe('filter pages', () => {
  for (const facet of ['honor', 'level', 'region', 'year']) {
    const expected = new Map<string, string[]>();
    for (const [, data] of honorees) {
      for (const key of new Set(keysOf(data)[facet])) expected.set(key, [...(expected.get(key) ?? []), data.name]);
    }
    const built = existsSync(path.join(dist, 'honors', facet)) ? readdirSync(path.join(dist, 'honors', facet)).sort() : [];

    it(`/honors/${facet}/ has a page for each value someone holds, and no empty page`, () => {
      expect(built).toEqual([...expected.keys()].sort());
    });

    it.each([...expected])(`/honors/${facet}/%s/ holds exactly the matching honorees`, (key, names) => {
      expect(listedNames(`honors/${facet}/${key}/index.html`).sort()).toEqual([...names].sort());
    });
  }

  it('marks the current filter', () => {
    const page = readPage(dist, 'honors/level/provincial/index.html');
    expect(page.querySelector('nav.filters [aria-current="page"]')!.text.replace(/\s+/g, '')).toBe('省级（2）');
    expect(page.querySelector('h1')!.text).toBe('光荣榜 · 级别：省级');
  });
});

describe('honoree pages', () => {
  it.each(honorees)('/honors/%s/ gives the honors, position and the stories that name them', (id, data) => {
    const page = readPage(dist, `honors/${id}/index.html`);
    const main = page.querySelector('main')!;
    expect(page.querySelector('h1')!.text).toBe(data.name);
    const honorLinks = main.querySelectorAll('.honor-name').map((a) => a.text.trim());
    expect(honorLinks).toEqual(data.honors.map((honor: { name: string }) => honor.name));
    for (const honor of data.honors) {
      if (honor.conferredBy) expect(main.text).toContain(honor.conferredBy);
    }
    if (data.employer) expect(main.text).toContain(data.employer);
    if (data.position) expect(main.text).toContain(data.position);
    expect(main.querySelector('blockquote p')!.text).toBe(data.asPrinted);
    const storyLinks = main.querySelectorAll('.stories .card h3 a').map((a) => a.getAttribute('href'));
    expect(storyLinks).toEqual(data.stories.map((story: string) => `/news/${story}/`));
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld).toMatchObject({ name: data.name, award: data.honors.map((honor: { name: string }) => honor.name) });
  });

  it('shows 姚婕 as the story does', () => {
    const text = readPage(dist, 'honors/yao-jie/index.html').querySelector('main')!.text.replace(/\s+/g, '');
    expect(text).toContain('党的二十大代表级别全国');
    expect(text).toContain('全国劳动模范级别全国原文写作“全国劳模”');
    expect(text).toContain('单位武汉地铁职务2号线汉口火车站中心站站长');
  });

  it('credits 全国总工会 with the station’s honor', () => {
    const text = readPage(dist, 'honors/jianpuzhai-xianli-wuge-jichang-yizhan/index.html').querySelector('main')!.text.replace(/\s+/g, '');
    expect(text).toContain('最美工会户外劳动者服务站点级别全国授予单位全国总工会');
    expect(text).toContain('集体（站点）');
  });
});

describe('story pages', () => {
  it.each(storyFiles('content/news').map((file) => path.basename(file, '.mdx')))('%s links the honorees it names', (story) => {
    const page = readPage(dist, `news/${story}/index.html`);
    const section = page.querySelector('section[aria-labelledby="story-honorees-title"]');
    const named = honorees.filter(([, data]) => data.stories.includes(story));
    if (named.length === 0) {
      expect(section).toBeNull();
      return;
    }
    expect(section!.querySelector('h2')!.text).toBe('报道中的荣誉获得者');
    const links = section!.querySelectorAll('li a').map((a) => [a.text, a.getAttribute('href')]);
    expect([...links].sort()).toEqual(named.map(([id, data]) => [data.name, `/honors/${id}/`]).sort());
  });

  it('lists the 湖北 story’s honorees in the order it names them', () => {
    const page = readPage(dist, 'news/hubei-laomo-gongjiang-jin-xiaoyuan/index.html');
    const names = page.querySelectorAll('section[aria-labelledby="story-honorees-title"] li a').map((a) => a.text);
    expect(names).toEqual(['姚婕', '秦环兵', '周功建', '王效知', '高兴泽']);
  });

  it.each(storyFiles('content/news').map((file) => path.basename(file, '.mdx')))('%s links each honoree where the text first names them', (story) => {
    const page = readPage(dist, `news/${story}/index.html`);
    const inline = page.querySelectorAll('article .prose a.honoree').map((a) => [a.text, a.getAttribute('href')]);
    const named = honorees.filter(([, data]) => data.stories.includes(story));
    expect([...inline].sort()).toEqual(named.map(([id, data]) => [data.name, `/honors/${id}/`]).sort());
  });
});
