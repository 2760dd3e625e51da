/** A point in WGS-84 decimal degrees, as the browser's geolocation reports it. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Great-circle distance in kilometres (haversine formula on a sphere). Within 0.5 % of the ellipsoidal
 * distance, far finer than "约 1.2 公里" needs.
 *
 * @example haversineKm({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 }) // ≈ 1067 (北京—上海)
 */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding pushing h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface ByDistance<T> {
  item: T;
  km: number;
}

/**
 * Items nearest first, each with its distance from `origin`. Stable: items at the same distance keep
 * their order. Distances are computed once per item, so sorting 1,104 stations costs 1,104 haversines.
 */
export function sortByDistance<T>(items: readonly T[], origin: LatLng, position: (item: T) => LatLng): ByDistance<T>[] {
  return items
    .map((item, index) => ({ item, km: haversineKm(origin, position(item)), index }))
    .sort((a, b) => a.km - b.km || a.index - b.index)
    .map(({ item, km }) => ({ item, km }));
}

/**
 * How far, the way a walker reads it: 约 350 米 under a kilometre (to 10 m), 约 1.2 公里 up to 100 km,
 * then whole kilometres (约 128 公里).
 */
export function formatDistance(km: number): string {
  if (km < 1) {
    const metres = Math.round((km * 1000) / 10) * 10;
    return metres >= 1000 ? '约 1.0 公里' : `约 ${metres} 米`;
  }
  if (km < 100) return `约 ${km.toFixed(1)} 公里`;
  return `约 ${Math.round(km)} 公里`;
}
