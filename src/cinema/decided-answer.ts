/** Refusals given before the request itself was looked at: rate limits and the human check. */
const UNLOOKED = new Set(['rate_limited', 'human_check_required', 'human_check_failed']);

/**
 * Whether an API answer decided the request. One that did not (lost on the way, not JSON, any 5xx, or
 * refused before anyone looked at it) may still have been applied by an earlier try, so the page must
 * treat it as "unknown": retry the same request (docs/api.md: the same Idempotency-Key), and expect
 * to meet its effect (a check-in already recorded). `network` and `busy` are the page's own codes for
 * no answer and a non-JSON one (src/scripts/cinema/api.ts).
 */
export function answerIsDecided(answer: { status: number; code?: string }): boolean {
  if (answer.code === 'network' || answer.code === 'busy') return false;
  return answer.status >= 200 && answer.status < 500 && answer.status !== 429 && !UNLOOKED.has(answer.code ?? '');
}
