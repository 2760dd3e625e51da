import { CINEMA_RULES } from './rules.ts';

/** One lottery a member entered, as their standing records it. */
export interface DrawResult {
  screeningId: string;
  result: 'won' | 'lost';
  /** When the draw ran (ms): results are ordered by it, whatever order their reports arrived in. */
  at: number;
}

/**
 * A member's weight in the next draw: min(1 + the lotteries they lost since their last win, maxWeight).
 * Draws are taken in the order they ran (ties by screening id), so a late report of an older draw does
 * not reset or lengthen the streak wrongly.
 */
export function lotteryWeight(results: readonly DrawResult[], maxWeight: number = CINEMA_RULES.lottery.maxWeight): number {
  const ordered = [...results].sort((a, b) => a.at - b.at || a.screeningId.localeCompare(b.screeningId));
  let losses = 0;
  for (const { result } of ordered) losses = result === 'won' ? 0 : losses + 1;
  return Math.min(1 + losses, maxWeight);
}
