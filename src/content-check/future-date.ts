/**
 * The story fields the rule reads: its date (a calendar day is midnight UTC of that day, as the schema reads
 * it; a date written with a time is that instant, and its page shows its day in Beijing).
 */
export interface DatedStory {
  date: Date;
  publishAt?: Date | undefined;
  draft?: boolean | undefined;
}

export interface FutureDateProblem {
  /** Stable, for tools and tests: the message may be reworded, the code stays. */
  code: 'future_date';
  message: string;
  fix: string;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in Beijing of an instant, as 2026-12-01: readers and editors count days in Beijing time. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A story dated after today (in Beijing) would go out showing a day that has not come. It may, when
 * `publishAt` schedules it for that day or later: it then appears on its date. A draft goes out with
 * nothing, so it is left alone until it is published. Pure: `now` is the caller's clock.
 *
 * @example futureDateProblem({ date: new Date('2026-12-02') }, new Date('2026-12-01T16:00:00Z'))
 * // → undefined: 16:00 UTC on 1 December is midnight, 2 December, in Beijing
 */
export function futureDateProblem(story: DatedStory, now: Date): FutureDateProblem | undefined {
  const day = beijingDay(story.date);
  const today = beijingDay(now);
  if (story.draft || day <= today) return undefined;
  if (story.publishAt && beijingDay(story.publishAt) >= day) return undefined;
  const written = (isoDay: string) => {
    const [year, month, date] = isoDay.split('-').map(Number);
    return `${year}年${month}月${date}日`;
  };
  if (story.publishAt) {
    return {
      code: 'future_date',
      message: `日期 ${written(day)} 还没到，定时发布时间却在 ${written(beijingDay(story.publishAt))}：稿件会带着将来的日期提前发布`,
      fix: `把 publishAt 改到 ${day} 或以后，或者改正日期（date）`,
    };
  }
  return {
    code: 'future_date',
    message: `日期 ${written(day)} 还没到（按北京时间）：稿件会带着将来的日期发布`,
    fix: `日期写错了就改正；要到那天再发布，就加上 publishAt: ${day}T08:00:00+08:00`,
  };
}
