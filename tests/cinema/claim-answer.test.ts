import { describe, expect, it } from 'vitest';
import { readClaimAnswer, type AnswerToClaim } from '../../src/cinema/claim-answer';

type T = { code: string; status: 'active' | 'cancelled' };
const active: T = { code: 'ABCDEFGH', status: 'active' };
const refused = (status: number, code: string, extra: Record<string, unknown> = {}): AnswerToClaim<T> => ({
  ok: false,
  status,
  error: { code, message: `${code} 的说明`, ...extra },
});

describe('readClaimAnswer', () => {
  it('announces an active ticket as issued', () => {
    expect(readClaimAnswer<T>({ ok: true, status: 201, data: { ticket: active } })).toEqual({ kind: 'issued', ticket: active });
    expect(readClaimAnswer<T>({ ok: true, status: 200, data: { ticket: active } })).toEqual({ kind: 'issued', ticket: active });
  });

  it('keeps the Idempotency-Key when the answer carries no decision: lost, not JSON, any 5xx, rate limited, the human check', () => {
    for (const answer of [
      refused(0, 'network'),
      refused(502, 'busy'),
      refused(403, 'busy'),
      refused(503, 'temporarily_unavailable', { retryAfterSeconds: 1 }),
      refused(500, 'internal_error'),
      refused(429, 'rate_limited', { retryAfterSeconds: 5 }),
      refused(403, 'human_check_required'),
      refused(403, 'human_check_failed'),
    ]) {
      expect(readClaimAnswer(answer), `${answer.status}`).toMatchObject({ kind: 'refused', keepKey: true });
    }
    // A success status without a ticket in it (a proxy's page, say) decided nothing either.
    expect(readClaimAnswer<T>({ ok: true, status: 200, data: null })).toMatchObject({ kind: 'refused', keepKey: true });
  });

  it('drops the key once the claim is decided, so the next tap is a fresh claim', () => {
    for (const code of ['seat_taken', 'sold_out', 'already_holds_ticket', 'window_not_open', 'window_closed', 'seat_unavailable']) {
      expect(readClaimAnswer(refused(409, code)), code).toMatchObject({ kind: 'refused', keepKey: false });
    }
    expect(readClaimAnswer(refused(401, 'not_signed_in'))).toMatchObject({ kind: 'refused', keepKey: false });
  });

  it('never announces a cancelled ticket as issued: a replay of a cancelled claim, old API or new', () => {
    const cancelled: T = { code: 'ABCDEFGH', status: 'cancelled' };
    expect(readClaimAnswer<T>({ ok: true, status: 200, data: { ticket: cancelled } })).toMatchObject({ kind: 'cancelled', ticket: cancelled });
    const replay = readClaimAnswer(refused(409, 'claim_cancelled', { ticket: cancelled }));
    expect(replay).toEqual({ kind: 'cancelled', message: 'claim_cancelled 的说明', ticket: cancelled });
  });
});
