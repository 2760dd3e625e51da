import { answerIsDecided } from './decided-answer.ts';

type ApiError = { code: string; message: string; [detail: string]: unknown };

/** An API answer as the page sees it (src/scripts/cinema/api.ts): `network` and `busy` are its own codes. */
export type AnswerToClaim<T> = { ok: true; status: number; data: { ticket?: T } | null } | { ok: false; status: number; error: ApiError };

export type ClaimOutcome<T> =
  | { kind: 'issued'; ticket: T }
  /** The key's ticket was cancelled since: say so, forget the key, reload the member's tickets. */
  | { kind: 'cancelled'; message: string; ticket?: T }
  /** `keepKey`: the claim may have been applied, so the next tap must send the same Idempotency-Key. */
  | { kind: 'refused'; error: ApiError; keepKey: boolean };

const CANCELLED_MESSAGE = '这次领到的票已经退掉了，如需观影请重新领票';
const NO_ANSWER: ApiError = { code: 'busy', message: '现在领票的人很多，服务器繁忙，请稍后再试' };

/**
 * What the page makes of an answer to a claim. Only an active ticket is "领票成功": a replay of a key
 * whose ticket was cancelled comes back as `claim_cancelled` (or, from an older API, as 200 with the
 * cancelled ticket), and the member must claim afresh.
 */
export function readClaimAnswer<T extends { status: string }>(answer: AnswerToClaim<T>): ClaimOutcome<T> {
  if (answer.ok) {
    const ticket = answer.data?.ticket;
    if (!ticket) return { kind: 'refused', error: NO_ANSWER, keepKey: true };
    return ticket.status === 'active' ? { kind: 'issued', ticket } : { kind: 'cancelled', message: CANCELLED_MESSAGE, ticket };
  }
  const { error } = answer;
  if (error.code === 'claim_cancelled') {
    return { kind: 'cancelled', message: error.message, ...(error.ticket ? { ticket: error.ticket as T } : {}) };
  }
  return { kind: 'refused', error, keepKey: !answerIsDecided({ status: answer.status, code: error.code }) };
}
