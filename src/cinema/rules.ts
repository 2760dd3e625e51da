/**
 * The cinema's release rules, in one place. Seats for a screening are released at the latest weekly
 * window that is at least `minLeadHours` before it starts; claims close `closeBeforeMinutes` before it.
 *
 * Times are Asia/Shanghai, which has kept UTC+8 all year since 1991, so a fixed offset is exact.
 */
export const CINEMA_RULES = {
  timeZone: 'Asia/Shanghai',
  utcOffsetMinutes: 8 * 60,
  /** Weekday (0 = Sunday … 6 = Saturday) and local time of each weekly release window: 周一、周四中午. */
  releaseWindows: [
    { weekday: 1, hour: 12, minute: 0 },
    { weekday: 4, hour: 12, minute: 0 },
  ],
  minLeadHours: 24,
  closeBeforeMinutes: 60,
  /** The noon queue (first-come screenings) opens this long before a release and is shuffled at it. */
  noonQueueOpensMinutes: 5,
  /**
   * Lottery screenings (`allocation: lottery`): entries from the release until the draw, which is at this
   * local time this many days after the release (周一 12:00 → 周二 08:00, 周四 12:00 → 周五 08:00), so a
   * member on any shift has a day to enter. A screening's file may set its own `drawAt`.
   */
  lottery: {
    drawDaysAfterRelease: 1,
    drawHour: 8,
    drawMinute: 0,
    /** The seats one entry may ask for: the member and one guest, who win or lose together. */
    maxSeatsPerEntry: 2,
    /** weight = min(1 + consecutive lottery losses, maxWeight): a long loser gets a real chance, never a monopoly. */
    maxWeight: 4,
  },
  /**
   * No-show strikes (src/cinema/member-standing.ts). A ticket not checked in by `noShowAfterMinutes` past
   * the start is a no-show (1 point), counted only `noShowGraceHours` after the screening ends: doors check
   * in offline and sync when they are back on a network, and 12 h covers the night after a Wednesday or
   * Friday evening screening while still landing before the next release (周四、周一 12:00). Cancelling
   * `lateCancelHours` or less before the start is half a strike; earlier, none. `threshold` points among
   * strikes younger than `windowDays` suspend claims, queues and lotteries for `suspensionDays`.
   */
  strikes: {
    noShowAfterMinutes: 15,
    noShowGraceHours: 12,
    noShowPoints: 1,
    lateCancelHours: 3,
    lateCancelPoints: 0.5,
    windowDays: 90,
    threshold: 3,
    suspensionDays: 30,
  },
} as const;

export type CinemaRules = {
  utcOffsetMinutes: number;
  releaseWindows: readonly { weekday: number; hour: number; minute: number }[];
  minLeadHours: number;
  closeBeforeMinutes: number;
  lottery: { drawDaysAfterRelease: number; drawHour: number; drawMinute: number };
};
