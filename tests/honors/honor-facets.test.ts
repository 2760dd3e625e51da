import { describe, expect, it } from 'vitest';
import { facetKeys, facetOptions, honoreesUnder } from '../../src/honors/honor-facets';
import { honor, honorNames, makeHonoree, vocabulary } from '../helpers/honoree';

const lists = { honorNames, vocabulary };
const yao = makeHonoree('yao', { honors: [honor('党的二十大代表'), honor('全国劳动模范', { year: 2020 })] });
const wang = makeHonoree('wang', { honors: [honor('荆楚工匠', { year: 2021 })] });
const station = makeHonoree('station', {
  kind: 'collective',
  collectiveType: 'station',
  regions: ['境外', '云南'],
  honors: [honor('最美工会户外劳动者服务站点', { conferredBy: '全国总工会' })],
});
const roll = [yao, wang, station];

describe('facetKeys', () => {
  it('files an honoree under each of its honors by slug', () => {
    expect(facetKeys(yao, 'honor', vocabulary)).toEqual(['dang-de-ershida-daibiao', 'quanguo-laodong-mofan']);
  });

  it('counts a level once however many honors of that level an honoree holds', () => {
    expect(facetKeys(yao, 'level', vocabulary)).toEqual(['national']);
  });

  it('files regions by their vocabulary slug', () => {
    expect(facetKeys(station, 'region', vocabulary)).toEqual(['overseas', 'yunnan']);
  });

  it('has no year when the source gives none', () => {
    expect(facetKeys(station, 'year', vocabulary)).toEqual([]);
    expect(facetKeys(yao, 'year', vocabulary)).toEqual(['2020']);
  });

  it('refuses a region outside the vocabulary', () => {
    expect(() => facetKeys(makeHonoree('x', { regions: ['火星'] }), 'region', vocabulary)).toThrow('火星');
  });
});

describe('honoreesUnder', () => {
  it('holds exactly the honorees with that option', () => {
    expect(honoreesUnder(roll, 'level', 'national', vocabulary)).toEqual([yao, station]);
    expect(honoreesUnder(roll, 'level', 'provincial', vocabulary)).toEqual([wang]);
    expect(honoreesUnder(roll, 'region', 'hubei', vocabulary)).toEqual([yao, wang]);
    expect(honoreesUnder(roll, 'year', '2021', vocabulary)).toEqual([wang]);
    expect(honoreesUnder(roll, 'honor', 'daguo-gongjiang', vocabulary)).toEqual([]);
  });
});

describe('facetOptions', () => {
  it('lists held honors in the order of honor-names.yaml, with counts and links', () => {
    expect(facetOptions(roll, 'honor', lists)).toEqual([
      { key: 'dang-de-ershida-daibiao', name: '党的二十大代表', href: '/honors/honor/dang-de-ershida-daibiao/', count: 1 },
      { key: 'quanguo-laodong-mofan', name: '全国劳动模范', href: '/honors/honor/quanguo-laodong-mofan/', count: 1 },
      {
        key: 'zuimei-gonghui-huwai-laodongzhe-fuwu-zhandian',
        name: '最美工会户外劳动者服务站点',
        href: '/honors/honor/zuimei-gonghui-huwai-laodongzhe-fuwu-zhandian/',
        count: 1,
      },
      { key: 'jingchu-gongjiang', name: '荆楚工匠', href: '/honors/honor/jingchu-gongjiang/', count: 1 },
    ]);
  });

  it('lists the levels someone holds in scale order, never an empty one', () => {
    expect(facetOptions(roll, 'level', lists).map(({ name, count }) => [name, count])).toEqual([
      ['全国', 2],
      ['省级', 1],
    ]);
  });

  it('lists regions in vocabulary order, only those someone is in', () => {
    expect(facetOptions(roll, 'region', lists).map(({ name, count }) => [name, count])).toEqual([
      ['云南', 1],
      ['湖北', 2],
      ['境外', 1],
    ]);
  });

  it('lists years newest first', () => {
    expect(facetOptions(roll, 'year', lists).map(({ name, href }) => [name, href])).toEqual([
      ['2021年', '/honors/year/2021/'],
      ['2020年', '/honors/year/2020/'],
    ]);
  });

  it('has no year options when no honor has a year', () => {
    expect(facetOptions([station], 'year', lists)).toEqual([]);
  });
});
