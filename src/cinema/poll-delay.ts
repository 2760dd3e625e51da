/** Polling limits for availability: polite by default, slower when the server is busy or failing. */
export const POLL = { baseMs: 5_000, maxMs: 60_000 } as const;

/**
 * The wait before the next availability refresh: back to the base after a good answer, doubled after
 * a busy (429/5xx) or failed one, with ±20 % jitter so a thousand phones do not poll in step.
 */
export function nextPollDelay(previousMs: number, ok: boolean, random: () => number = Math.random): number {
  const base = ok ? POLL.baseMs : Math.min(POLL.maxMs, Math.max(POLL.baseMs, previousMs) * 2);
  return Math.round(base * (0.8 + 0.4 * random()));
}
