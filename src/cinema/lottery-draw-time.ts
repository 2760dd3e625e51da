import { CINEMA_RULES, type CinemaRules } from './rules.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * When a lottery screening released at `releaseAt` is drawn: `drawHour:drawMinute` Shanghai time,
 * `drawDaysAfterRelease` calendar days after the release's local day. Monday 12:00 → Tuesday 08:00.
 */
export function lotteryDrawTime(releaseAt: Date, rules: CinemaRules = CINEMA_RULES): Date {
  const offset = rules.utcOffsetMinutes * MINUTE;
  const local = releaseAt.getTime() + offset;
  const localDayStart = local - (((local % DAY) + DAY) % DAY);
  const { drawDaysAfterRelease, drawHour, drawMinute } = rules.lottery;
  return new Date(localDayStart + drawDaysAfterRelease * DAY + (drawHour * 60 + drawMinute) * MINUTE - offset);
}
