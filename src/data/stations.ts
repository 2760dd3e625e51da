import { getCollection, type CollectionEntry } from 'astro:content';
import { sortStations } from '../stations/station-facets';
import { loadStationDistricts } from './station-districts';

export type StationEntry = CollectionEntry<'stations'>;

let cached: Promise<StationEntry[]> | undefined;

/** Every station in directory order (district, then stars, then name); none until a list is published. */
export function allStations(): Promise<StationEntry[]> {
  cached ??= getCollection('stations').then((stations) => sortStations(stations, loadStationDistricts()));
  return cached;
}
