/**
 * The clock a build decides publishing by (src/data/stories.ts). A build made in parts gives every part
 * the same start in HUIGONG_BUILD_TIME, or a story due between two parts' starts would have its page in
 * one and be missing from the other's lists; set by hand, it builds the site as it will be at that time.
 */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function parseBuildTime(value: string | undefined, now: () => Date = () => new Date()): Date {
  if (value === undefined || value === '') return now();
  // With its zone (a bare date or local time would be read in the runner's), and a real calendar time:
  // Date would roll 2026-02-30 over to 2 March.
  const [, year, month, day, hour, minute, second = 0] = (ISO_TIME.exec(value) ?? []).map((part) => (part === undefined ? undefined : Number(part)));
  const written = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  const asWritten = new Date(written);
  const real = !Number.isNaN(written) && asWritten.getUTCMonth() === month! - 1 && asWritten.getUTCDate() === day && asWritten.getUTCHours() === hour && asWritten.getUTCMinutes() === minute;
  if (!ISO_TIME.test(value) || !real) {
    throw new Error(`HUIGONG_BUILD_TIME=${value}: expected an ISO 8601 time with its zone, e.g. 2026-12-02T04:00:00Z`);
  }
  return new Date(value);
}
