import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { stationDistrictsSchema, stationSchema } from '../../src/schemas/station-schema';
import { yamlEntries } from '../helpers/content';

const districts = { districts: [{ name: '福田区', slug: 'futian' }] };
const schema = stationSchema(districts);
const valid = {
  name: '某某暖蜂驿站',
  district: '福田区',
  star: 3,
  services: ['饮水', '休息'],
  hours: '每天 8:00—20:00',
  address: '某某路1号',
  lat: 22.5431,
  lng: 114.0579,
};

function messages(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('stationDistrictsSchema', () => {
  it('accepts content/station-districts.yaml', () => {
    expect(stationDistrictsSchema.safeParse(parse(readFileSync('content/station-districts.yaml', 'utf8'))).success).toBe(true);
  });

  it('refuses a district listed twice', () => {
    const result = stationDistrictsSchema.safeParse({ districts: [{ name: '福田区', slug: 'futian' }, { name: '福田区', slug: 'futian-2' }] });
    expect(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'districts.1.name: 重复的 name“福田区”',
    ]);
  });
});

describe('stationSchema', () => {
  it('publishes no station the source does not name', () => {
    expect(yamlEntries('content/stations').filter(([id]) => id !== 'districts')).toEqual([]);
  });

  it('accepts a complete station', () => {
    expect(messages(valid)).toEqual([]);
  });

  it.each([1, 2, 3])('accepts star level %s', (star) => {
    expect(messages({ ...valid, star })).toEqual([]);
  });

  it.each([0, 4, '3', 2.5])('refuses star level %s', (star) => {
    expect(messages({ ...valid, star })).toEqual(['star: 星级（star）只能是 1（一星）、2（二星）、3（三星以上）']);
  });

  it('refuses coordinates off the globe', () => {
    expect(messages({ ...valid, lat: 122.5, lng: -190 })).toEqual([
      'lat: 纬度（lat）应在 -90 到 90 之间',
      'lng: 经度（lng）应在 -180 到 180 之间',
    ]);
    expect(messages({ ...valid, lat: '22.5' })).toEqual(['lat: 纬度（lat）应为数字（WGS-84 十进制度数）']);
  });

  it('refuses a district outside station-districts.yaml', () => {
    expect(messages({ ...valid, district: '福田' })).toEqual([
      'district: 未知的区“福田”，可用的有：福田区（见 content/station-districts.yaml）',
    ]);
  });

  it('names each missing field', () => {
    expect(messages({ lat: 22.5, lng: 114 })).toEqual([
      'name: 缺少站点名称（name）',
      'district: 缺少所在区（district）',
      'star: 星级（star）只能是 1（一星）、2（二星）、3（三星以上）',
      'services: 缺少服务（services），如 [饮水, 休息]',
      'hours: 缺少开放时间（hours）',
      'address: 缺少地址（address）',
    ]);
  });
});
