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
} as const;

export type CinemaRules = {
  utcOffsetMinutes: number;
  releaseWindows: readonly { weekday: number; hour: number; minute: number }[];
  minLeadHours: number;
  closeBeforeMinutes: number;
};
