import type { HonoreeData } from '../schemas/honor-schema';

/** The part of an honors entry the pure helpers need; Astro's CollectionEntry<'honors'> satisfies it. */
export interface Honoree {
  id: string;
  data: HonoreeData;
}

/** The kinds of collective an honoree can be, as the site names them. */
export const COLLECTIVE_TYPE_LABELS = { team: '班组', station: '站点', unit: '单位' } as const;

export type CollectiveType = keyof typeof COLLECTIVE_TYPE_LABELS;

/** 个人, or 集体（站点）. */
export function kindLabel(honoree: Honoree): string {
  const { kind, collectiveType } = honoree.data;
  if (kind === 'person') return '个人';
  return collectiveType ? `集体（${COLLECTIVE_TYPE_LABELS[collectiveType]}）` : '集体';
}
