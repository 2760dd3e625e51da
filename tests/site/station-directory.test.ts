import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { executableScripts, readPage } from '../helpers/dist';
import {
  buildStationFixture,
  FIXTURE_DISTRICTS,
  FIXTURE_HONOREES,
  STATION_COUNT,
  type FixtureStation,
} from '../fixtures/generated-stations/generate';

// The directory and the honor roll's year filter, built from the generated 1,104-station fixture.
let outDir: string;
let stations: FixtureStation[];
let removeFixture: (() => void) | undefined;

beforeAll(() => {
  ({ outDir, stations, remove: removeFixture } = buildStationFixture('content-stations-node'));
}, 180_000);
afterAll(() => removeFixture?.());

const STATIONS = 'programs/nuanfeng-yizhan/stations';
const listed = (page: HTMLElement) => page.querySelectorAll('#station-list > li').map((li) => li.getAttribute('data-id'));
const ids = (matching: FixtureStation[]) => matching.map((station) => station.id).sort();

describe('the station directory', () => {
  it('lists all 1,104 stations, each with its coordinates', () => {
    const page = readPage(outDir, `${STATIONS}/index.html`);
    const items = page.querySelectorAll('#station-list > li');
    expect(items).toHaveLength(STATION_COUNT);
    const byId = new Map(stations.map((station) => [station.id, station.data]));
    for (const item of items) {
      const data = byId.get(item.getAttribute('data-id')!)!;
      expect(Number(item.getAttribute('data-lat'))).toBe(data.lat);
      expect(Number(item.getAttribute('data-lng'))).toBe(data.lng);
      expect(item.querySelector('h3')!.text).toBe(data.name);
    }
    expect(page.querySelector('[data-count]')!.text.trim()).toBe('共 1104 个驿站');
  });

  it('has a page per district holding exactly its stations', () => {
    const built = readdirSync(path.join(outDir, STATIONS, 'district')).sort();
    const expected = FIXTURE_DISTRICTS.filter((d) => stations.some((s) => s.data.district === d.name)).map((d) => d.slug);
    expect(built).toEqual(expected.sort());
    for (const district of FIXTURE_DISTRICTS) {
      const page = readPage(outDir, `${STATIONS}/district/${district.slug}/index.html`);
      expect(listed(page).sort()).toEqual(ids(stations.filter((station) => station.data.district === district.name)));
      expect(page.querySelector('h1')!.text).toBe(`暖蜂驿站名录 · 所在区：${district.name}`);
    }
  });

  it('has a page per star level holding exactly its stations, 3 being 三星以上', () => {
    expect(readdirSync(path.join(outDir, STATIONS, 'star')).sort()).toEqual(['1', '2', '3']);
    for (const star of [1, 2, 3] as const) {
      const page = readPage(outDir, `${STATIONS}/star/${star}/index.html`);
      expect(listed(page).sort()).toEqual(ids(stations.filter((station) => station.data.star === star)));
    }
    expect(readPage(outDir, `${STATIONS}/star/3/index.html`).querySelector('h1')!.text).toBe('暖蜂驿站名录 · 星级：三星以上');
  });

  it('filters without JavaScript: plain links with counts, the current one marked', () => {
    const page = readPage(outDir, `${STATIONS}/district/jia/index.html`);
    const current = page.querySelector('nav.filters [aria-current="page"]')!;
    const count = stations.filter((station) => station.data.district === '甲区').length;
    expect(current.getAttribute('href')).toBe(`/${STATIONS}/district/jia/`);
    expect(current.text.replace(/\s+/g, '')).toBe(`甲区（${count}）`);
  });

  it('ships the "离我最近" script, hidden until it runs, and nothing else', () => {
    for (const file of [`${STATIONS}/index.html`, `${STATIONS}/star/1/index.html`]) {
      const page = readPage(outDir, file);
      const scripts = executableScripts(page);
      expect(scripts).toHaveLength(1);
      expect(scripts[0]!.getAttribute('type')).toBe('module');
      expect(page.querySelector('#nearest')!.hasAttribute('hidden')).toBe(true);
      expect(page.querySelector('#nearest-button')!.getAttribute('type')).toBe('button');
      expect(page.querySelector('#nearest-status')!.getAttribute('role')).toBe('status');
    }
  });

  it('keeps every other honor and program page free of scripts', () => {
    for (const file of ['honors/index.html', 'honors/ceshi-yi/index.html', 'programs/index.html', 'programs/nuanfeng-yizhan/index.html']) {
      expect(executableScripts(readPage(outDir, file)), file).toEqual([]);
    }
  });

  it('links the directory from the program page, saying how many stations it holds, once it has any', () => {
    const link = readPage(outDir, 'programs/nuanfeng-yizhan/index.html').querySelector('.directory-link')!;
    expect(link.text).toContain('收录 1104 个驿站');
    expect(link.querySelector(`a[href="/${STATIONS}/"]`)).not.toBeNull();
    expect(readPage(outDir, `${STATIONS}/index.html`).querySelector('meta[name="robots"]')).toBeNull();
  });
});

describe('the honor roll’s year filter, when the source gives years', () => {
  const names = (file: string) =>
    readPage(outDir, file)
      .querySelectorAll('main .honorees > li .name a')
      .map((a) => a.text.trim())
      .sort();
  const withYear = (year: number) =>
    Object.values(FIXTURE_HONOREES)
      .filter((honoree) => honoree.honors.some((honor) => 'year' in honor && honor.year === year))
      .map((honoree) => honoree.name)
      .sort();

  it('has a page per year someone was honored in, newest first in the filter', () => {
    expect(readdirSync(path.join(outDir, 'honors/year')).sort()).toEqual(['2020', '2021']);
    const years = readPage(outDir, 'honors/index.html')
      .querySelectorAll('nav.filters li a')
      .filter((a) => a.getAttribute('href')!.startsWith('/honors/year/'))
      .map((a) => a.text.replace(/\s+/g, ''));
    expect(years).toEqual([`2021年（${withYear(2021).length}）`, `2020年（${withYear(2020).length}）`]);
  });

  it.each([2020, 2021])('/honors/year/%s/ holds exactly the honorees of that year', (year) => {
    expect(names(`honors/year/${year}/index.html`)).toEqual(withYear(year));
  });

  it('builds no page for a year nobody holds', () => {
    expect(existsSync(path.join(outDir, 'honors/year/2019'))).toBe(false);
  });
});
