import { normalizeTicketCode } from './ticket-code.ts';

/** How long after a check-in whose answer was lost a rescan's `already_checked_in` may be that check-in's own. */
export const LOST_ANSWER_WINDOW_MS = 2 * 60_000;
/** Allowance for the door's estimate of the server's clock (src/cinema/server-clock.ts). */
const CLOCK_SLACK_MS = 5_000;

/** The ticket code a check-in names, typed or in a QR payload (HG2 or HG1.<screening>.<code>.<signature>). */
export function attemptTicketCode(body: { code: string } | { qr: string }): string | undefined {
  return 'code' in body ? normalizeTicketCode(body.code) : normalizeTicketCode(body.qr.trim().split('.')[2] ?? '');
}

/**
 * The door's memory of check-ins whose answer never came (lost on the way, or no decision in it): the
 * server may have checked the ticket in, so the holder's rescan seconds later meets `already_checked_in`
 * for their own check-in and would be turned away. Such an answer counts as valid when the code was last
 * tried here within LOST_ANSWER_WINDOW_MS and was checked in no earlier than the first of the unanswered
 * tries (any of them may be the one that went through); once only, so a copy of the QR shown next is still
 * turned away. Times are the server's (as this device estimates it).
 */
export class DoorAttempts {
  /** Per code, the first and the last of a run of unanswered tries, each within the window of the one before. */
  readonly #unanswered = new Map<string, { first: number; last: number }>();

  /** A check-in of `code` sent at `sentAt` got no decided answer. */
  unanswered(code: string, sentAt: number): void {
    const earlier = this.#unanswered.get(code);
    const first = earlier === undefined || sentAt - earlier.last > LOST_ANSWER_WINDOW_MS ? sentAt : earlier.first;
    this.#unanswered.set(code, { first, last: sentAt });
  }

  /**
   * A decided answer for `code` came back: whether it is `already_checked_in` by this device's own lost
   * attempt. The lost attempt is forgotten either way.
   */
  ownEarlierCheckIn(code: string, answer: { code?: string; checkedInAt?: unknown }, now: number): boolean {
    const tries = this.#unanswered.get(code);
    this.#unanswered.delete(code);
    if (tries === undefined || answer.code !== 'already_checked_in' || typeof answer.checkedInAt !== 'string') return false;
    const checkedInAt = Date.parse(answer.checkedInAt);
    return now - tries.last <= LOST_ANSWER_WINDOW_MS && checkedInAt >= tries.first - CLOCK_SLACK_MS && checkedInAt <= now + CLOCK_SLACK_MS;
  }
}
