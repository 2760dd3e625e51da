import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, formatDistance, haversineKm, sortByDistance, type LatLng } from '../../src/stations/distance';

const at = (lat: number, lng: number): LatLng => ({ lat, lng });
const dms = (degrees: number, minutes: number, seconds: number) => degrees + minutes / 60 + seconds / 3600;

describe('haversineKm', () => {
  // Published great-circle distances between city centres (spherical Earth).
  it.each([
    // The worked example of Movable Type's "Calculate distance between two points": 968.9 km.
    ['Land’s End → John o’ Groats', at(dms(50, 3, 59), -dms(5, 42, 53)), at(dms(58, 38, 38), -dms(3, 4, 12)), 968.9, 0.1],
    ['北京 → 上海', at(39.9042, 116.4074), at(31.2304, 121.4737), 1067, 2],
    ['深圳 → 广州', at(22.5431, 114.0579), at(23.1291, 113.2644), 104, 1],
    ['London → Paris', at(51.5074, -0.1278), at(48.8566, 2.3522), 344, 1],
    ['New York → Los Angeles', at(40.7128, -74.006), at(34.0522, -118.2437), 3936, 5],
  ])('%s is about %s km', (_, from, to, km, tolerance) => {
    expect(Math.abs(haversineKm(from, to) - km)).toBeLessThanOrEqual(tolerance);
  });

  it('measures a quarter of the equator and pole to pole exactly', () => {
    expect(haversineKm(at(0, 0), at(0, 90))).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6);
    expect(haversineKm(at(90, 0), at(-90, 0))).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('takes the short way across the antimeridian', () => {
    expect(haversineKm(at(0, 179.5), at(0, -179.5))).toBeCloseTo(haversineKm(at(0, 0), at(0, 1)), 6);
  });

  it('is zero for the same point and the same both ways', () => {
    const shenzhen = at(22.5431, 114.0579);
    const beijing = at(39.9042, 116.4074);
    expect(haversineKm(shenzhen, shenzhen)).toBe(0);
    expect(haversineKm(shenzhen, beijing)).toBe(haversineKm(beijing, shenzhen));
  });

  it('stays finite for antipodal points', () => {
    expect(haversineKm(at(30, 120), at(-30, -60))).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });
});

describe('sortByDistance', () => {
  const origin = at(22.5431, 114.0579); // 深圳市中心
  const places = [
    { name: '广州', ...at(23.1291, 113.2644) },
    { name: '北京', ...at(39.9042, 116.4074) },
    { name: '香港', ...at(22.3193, 114.1694) },
    { name: '上海', ...at(31.2304, 121.4737) },
  ];

  it('orders items nearest first with their distances', () => {
    const sorted = sortByDistance(places, origin, (place) => place);
    expect(sorted.map(({ item }) => item.name)).toEqual(['香港', '广州', '上海', '北京']);
    expect(sorted.map(({ km }) => km)).toEqual(sorted.map(({ item }) => haversineKm(origin, item)));
  });

  it('keeps the original order of items at the same distance', () => {
    const twins = [
      { id: 'a', ...at(10, 10) },
      { id: 'b', ...at(10, 10) },
      { id: 'c', ...at(0, 0) },
      { id: 'd', ...at(10, 10) },
    ];
    expect(sortByDistance(twins, at(0, 0), (t) => t).map(({ item }) => item.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('does not change its input', () => {
    const copy = [...places];
    sortByDistance(places, origin, (place) => place);
    expect(places).toEqual(copy);
  });

  it('sorts 1,104 points well within a frame', () => {
    const many = Array.from({ length: 1104 }, (_, i) => at(22.45 + (i % 97) / 250, 113.75 + (i % 89) / 100));
    const started = performance.now();
    const sorted = sortByDistance(many, origin, (p) => p);
    expect(performance.now() - started).toBeLessThan(50);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.km).toBeGreaterThanOrEqual(sorted[i - 1]!.km);
  });
});

describe('formatDistance', () => {
  it.each([
    [0, '约 0 米'],
    [0.004, '约 0 米'],
    [0.3456, '约 350 米'],
    [0.994, '约 990 米'],
    [0.996, '约 1.0 公里'],
    [1, '约 1.0 公里'],
    [1.23, '约 1.2 公里'],
    [15.06, '约 15.1 公里'],
    [99.94, '约 99.9 公里'],
    [128.4, '约 128 公里'],
  ])('%s km reads %s', (km, text) => {
    expect(formatDistance(km)).toBe(text);
  });
});
