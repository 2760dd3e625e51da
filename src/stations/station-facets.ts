import type { StationData, StationDistricts } from '../schemas/station-schema';
import { STATION_STARS, STAR_LABELS, type StationStar } from './stars';

/** The part of a stations entry the pure helpers need; Astro's CollectionEntry<'stations'> satisfies it. */
export interface Station {
  id: string;
  data: StationData;
}

/** Where the directory and its filter pages live. */
export const STATIONS_PATH = '/programs/nuanfeng-yizhan/stations/';

export interface StationOption {
  key: string;
  name: string;
  href: string;
  count: number;
}

const collator = new Intl.Collator('zh-CN');

/** Directory order: districts as station-districts.yaml lists them, then three stars down to one, then by name. */
export function sortStations<T extends Station>(stations: readonly T[], districts: StationDistricts): T[] {
  const rank = (station: Station) => districts.districts.findIndex((district) => district.name === station.data.district);
  return [...stations].sort(
    (a, b) =>
      rank(a) - rank(b) || b.data.star - a.data.star || collator.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id),
  );
}

export function stationsInDistrict<T extends Station>(stations: readonly T[], district: string): T[] {
  return stations.filter((station) => station.data.district === district);
}

export function stationsWithStar<T extends Station>(stations: readonly T[], star: StationStar): T[] {
  return stations.filter((station) => station.data.star === star);
}

/** Districts that have stations, in list order, with their counts and filter-page links. */
export function districtOptions(stations: readonly Station[], districts: StationDistricts): StationOption[] {
  return districts.districts
    .map((district) => ({
      key: district.slug,
      name: district.name,
      href: `${STATIONS_PATH}district/${district.slug}/`,
      count: stationsInDistrict(stations, district.name).length,
    }))
    .filter((option) => option.count > 0);
}

/** Star levels that have stations, highest first. */
export function starOptions(stations: readonly Station[]): StationOption[] {
  return [...STATION_STARS]
    .reverse()
    .map((star) => ({
      key: String(star),
      name: STAR_LABELS[star],
      href: `${STATIONS_PATH}star/${star}/`,
      count: stationsWithStar(stations, star).length,
    }))
    .filter((option) => option.count > 0);
}
