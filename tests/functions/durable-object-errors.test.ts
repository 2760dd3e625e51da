import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../functions/durable-object-errors';

const platformError = (flags: Record<string, unknown>) => Object.assign(new Error('Durable Object unavailable'), flags);

describe('retryAfterSeconds', () => {
  it('asks for a quick retry when the object restarted or moved', () => {
    expect(retryAfterSeconds(platformError({ retryable: true }))).toBe(1);
  });

  it('asks an overloaded object’s callers to wait longer, even when the error is also retryable', () => {
    expect(retryAfterSeconds(platformError({ overloaded: true }))).toBe(5);
    expect(retryAfterSeconds(platformError({ overloaded: true, retryable: true }))).toBe(5);
  });

  it('leaves everything else an internal error', () => {
    expect(retryAfterSeconds(platformError({ retryable: false }))).toBeUndefined();
    expect(retryAfterSeconds(new Error('bug'))).toBeUndefined();
    expect(retryAfterSeconds('a string')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
