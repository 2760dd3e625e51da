/** Honor levels, highest first; the order is also the roll's sort order. */
export const HONOR_LEVELS = ['national', 'provincial', 'city', 'enterprise'] as const;

export type HonorLevel = (typeof HONOR_LEVELS)[number];

/** How each level reads on the site; the enum values are the URL segments (/honors/level/national/). */
export const HONOR_LEVEL_LABELS: Record<HonorLevel, string> = {
  national: '全国',
  provincial: '省级',
  city: '市级',
  enterprise: '企业级',
};

/** 0 for national, 3 for enterprise: smaller is higher. */
export function levelRank(level: HonorLevel): number {
  return HONOR_LEVELS.indexOf(level);
}
