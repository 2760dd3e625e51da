import { describe, expect, it } from 'vitest';
import {
  districtOptions,
  sortStations,
  starOptions,
  stationsInDistrict,
  stationsWithStar,
  type Station,
} from '../../src/stations/station-facets';
import type { StationData } from '../../src/schemas/station-schema';

const districts = { districts: [{ name: '甲区', slug: 'jia' }, { name: '乙区', slug: 'yi' }, { name: '丙区', slug: 'bing' }] };

function station(id: string, data: Partial<StationData>): Station {
  return {
    id,
    data: { name: id, district: '甲区', star: 1, services: ['饮水'], hours: '全天', address: '某路1号', lat: 22.5, lng: 114, ...data },
  };
}

const a = station('a', { name: '北站', district: '乙区', star: 1 });
const b = station('b', { name: '安站', district: '乙区', star: 3 });
const c = station('c', { name: '中站', district: '甲区', star: 2 });
const d = station('d', { name: '白站', district: '乙区', star: 1 });

describe('sortStations', () => {
  it('orders by district list, then three stars down to one, then name in pinyin', () => {
    expect(sortStations([a, b, c, d], districts).map((s) => s.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});

describe('stationsInDistrict and stationsWithStar', () => {
  it('hold exactly the matching stations', () => {
    expect(stationsInDistrict([a, b, c, d], '乙区')).toEqual([a, b, d]);
    expect(stationsWithStar([a, b, c, d], 1)).toEqual([a, d]);
    expect(stationsWithStar([a, b, c, d], 3)).toEqual([b]);
  });
});

describe('districtOptions', () => {
  it('lists districts that have stations, in list order, with counts and links', () => {
    expect(districtOptions([a, b, c, d], districts)).toEqual([
      { key: 'jia', name: '甲区', href: '/programs/nuanfeng-yizhan/stations/district/jia/', count: 1 },
      { key: 'yi', name: '乙区', href: '/programs/nuanfeng-yizhan/stations/district/yi/', count: 3 },
    ]);
  });

  it('is empty without stations', () => {
    expect(districtOptions([], districts)).toEqual([]);
  });
});

describe('starOptions', () => {
  it('lists star levels that have stations, highest first, 3 reading 三星以上', () => {
    expect(starOptions([a, b, d]).map(({ name, count, href }) => [name, count, href])).toEqual([
      ['三星以上', 1, '/programs/nuanfeng-yizhan/stations/star/3/'],
      ['一星', 2, '/programs/nuanfeng-yizhan/stations/star/1/'],
    ]);
  });
});
