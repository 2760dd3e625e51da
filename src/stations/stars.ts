/** Star levels of a 暖蜂驿站; 3 stands for 三星以上 (three stars or more), as the seed groups them. */
export const STATION_STARS = [1, 2, 3] as const;

export type StationStar = (typeof STATION_STARS)[number];

export const STAR_LABELS: Record<StationStar, string> = {
  1: '一星',
  2: '二星',
  3: '三星以上',
};
