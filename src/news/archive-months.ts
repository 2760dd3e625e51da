import { isoDay } from './format-date';
import type { Story } from './story';

export interface ArchiveMonth<T> {
  /** 2023-09 */
  key: string;
  year: number;
  month: number;
  stories: T[];
}

/** Groups sorted stories by the month they were published in (Asia/Shanghai), newest month first. */
export function archiveMonths<T extends Story>(sorted: readonly T[]): ArchiveMonth<T>[] {
  const months = new Map<string, ArchiveMonth<T>>();
  for (const story of sorted) {
    const key = isoDay(story.data.date).slice(0, 7);
    let month = months.get(key);
    if (!month) {
      month = { key, year: Number(key.slice(0, 4)), month: Number(key.slice(5)), stories: [] };
      months.set(key, month);
    }
    month.stories.push(story);
  }
  return [...months.values()].sort((a, b) => b.key.localeCompare(a.key));
}
