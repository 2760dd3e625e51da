import type { Honoree } from './honoree';
import { levelRank } from './levels';

const collator = new Intl.Collator('zh-CN');

/** The rank of an honoree's highest honor: 0 if any honor is national. */
export function highestLevelRank(honoree: Honoree): number {
  return Math.min(...honoree.data.honors.map((honor) => levelRank(honor.level)));
}

/** Highest honor first (national before provincial …), then by name in pinyin order, then by id. */
export function compareHonorees(a: Honoree, b: Honoree): number {
  return highestLevelRank(a) - highestLevelRank(b) || collator.compare(a.data.name, b.data.name) || a.id.localeCompare(b.id);
}

export function sortHonorees<T extends Honoree>(honorees: readonly T[]): T[] {
  return [...honorees].sort(compareHonorees);
}

/** Persons and collectives, each in roll order: a 光荣榜 lists 个人 and 集体 apart. */
export function splitByKind<T extends Honoree>(honorees: readonly T[]): { persons: T[]; collectives: T[] } {
  const sorted = sortHonorees(honorees);
  return {
    persons: sorted.filter((honoree) => honoree.data.kind === 'person'),
    collectives: sorted.filter((honoree) => honoree.data.kind === 'collective'),
  };
}

/** 5 人、1 个集体 — how many a list holds, in the units a reader counts them in. */
export function countPhrase(honorees: readonly Honoree[]): string {
  const { persons, collectives } = splitByKind(honorees);
  const parts = [
    persons.length > 0 ? `${persons.length} 人` : '',
    collectives.length > 0 ? `${collectives.length} 个集体` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '0 人';
}
