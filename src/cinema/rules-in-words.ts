import { CINEMA_RULES, type CinemaRules } from './rules.ts';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const two = (n: number) => String(n).padStart(2, '0');
const clock = (hour: number, minute: number) => `${two(hour)}:${two(minute)}`;

/** The numbers of the lottery rules the rules page states (CINEMA_RULES.lottery beyond the draw time). */
export interface LotteryLimits {
  maxSeatsPerEntry: number;
  maxWeight: number;
}

/** One release window and the lottery draw that follows it, as a member reads them. */
export interface ReleaseInWords {
  /** 周一 12:00 */
  release: string;
  /** 周一 11:55: the noon queue opens. */
  queueOpens: string;
  /** 周二 08:00: a lottery released then is drawn. */
  draw: string;
}

/** A row of the weights table: after this many lottery losses in a row, this weight. */
export interface WeightRow {
  losses: string;
  weight: number;
}

export interface RulesInWords {
  releases: ReleaseInWords[];
  /** 周一、周四 12:00 when every window shares a time, else each window written out. */
  releaseTimes: string;
  queueOpensMinutes: number;
  closeBeforeMinutes: number;
  minLeadHours: number;
  maxSeatsPerEntry: number;
  maxWeight: number;
  weights: WeightRow[];
}

const local = (weekday: number, minutes: number) => {
  const day = Math.floor(minutes / 1440);
  const inDay = minutes - day * 1440;
  return `${WEEKDAYS[(((weekday + day) % 7) + 7) % 7]} ${clock(Math.floor(inDay / 60), inDay % 60)}`;
};

/**
 * The release, queue and lottery rules as the rules page (/cinema/rules/) says them, computed from
 * CINEMA_RULES so the page cannot drift from what the server enforces.
 *
 * @example rulesInWords().releases[0] // { release: '周一 12:00', queueOpens: '周一 11:55', draw: '周二 08:00' }
 */
export function rulesInWords(
  rules: CinemaRules & { noonQueueOpensMinutes: number; lottery: LotteryLimits } = CINEMA_RULES,
): RulesInWords {
  const { lottery } = rules;
  const releases = rules.releaseWindows.map((window) => {
    const at = window.hour * 60 + window.minute;
    return {
      release: local(window.weekday, at),
      queueOpens: local(window.weekday, at - rules.noonQueueOpensMinutes),
      draw: local(window.weekday, lottery.drawDaysAfterRelease * 1440 + lottery.drawHour * 60 + lottery.drawMinute),
    };
  });
  const times = new Set(rules.releaseWindows.map((window) => clock(window.hour, window.minute)));
  const releaseTimes =
    times.size === 1
      ? `${rules.releaseWindows.map((window) => WEEKDAYS[window.weekday]).join('、')} ${[...times][0]}`
      : releases.map((release) => release.release).join('、');
  const weights = Array.from({ length: lottery.maxWeight }, (_, losses) => ({
    losses: losses === lottery.maxWeight - 1 ? `${losses} 次及以上` : `${losses} 次`,
    weight: losses + 1,
  }));
  return {
    releases,
    releaseTimes,
    queueOpensMinutes: rules.noonQueueOpensMinutes,
    closeBeforeMinutes: rules.closeBeforeMinutes,
    minLeadHours: rules.minLeadHours,
    maxSeatsPerEntry: lottery.maxSeatsPerEntry,
    maxWeight: lottery.maxWeight,
    weights,
  };
}
