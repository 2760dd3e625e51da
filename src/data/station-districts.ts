import path from 'node:path';
import { stationDistrictsSchema, type StationDistricts } from '../schemas/station-schema';
import { contentDir } from './content-dir';
import { readYamlList } from './yaml-file';

let cached: StationDistricts | undefined;

/** content/station-districts.yaml, read and validated once per build. */
export function loadStationDistricts(): StationDistricts {
  cached ??= readYamlList(path.join(contentDir, 'station-districts.yaml'), stationDistrictsSchema, { districts: [] }, '驿站所在区列表');
  return cached;
}
