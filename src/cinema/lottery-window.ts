/**
 * A lottery screening's phases: entries from the release (inclusive) to the draw time (exclusive), then
 * drawn (the object draws at the draw time, or at the first call after it).
 */
export type LotteryWindowState = 'not_open' | 'open' | 'drawn';

export function lotteryWindowState(now: number, { releaseAt, drawAt }: { releaseAt: number; drawAt: number }): LotteryWindowState {
  if (now < releaseAt) return 'not_open';
  return now < drawAt ? 'open' : 'drawn';
}
