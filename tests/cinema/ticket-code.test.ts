import { describe, expect, it } from 'vitest';
import { formatTicketCode, normalizeTicketCode, TICKET_ALPHABET, ticketCodeFromRandom } from '../../src/cinema/ticket-code';

describe('ticketCodeFromRandom', () => {
  it('makes 8 characters from the unambiguous alphabet', () => {
    const code = ticketCodeFromRandom(() => crypto.getRandomValues(new Uint8Array(16)));
    expect(code).toMatch(new RegExp(`^[${TICKET_ALPHABET}]{8}$`));
    expect(TICKET_ALPHABET).not.toMatch(/[01ILOU]/);
  });

  it('skips bytes that would bias the alphabet', () => {
    // 240 and above fall outside the largest multiple of 30 and are rejected.
    const batches = [new Uint8Array([255, 250, 240, 0, 1, 2]), new Uint8Array([3, 4, 5, 6, 7])];
    expect(ticketCodeFromRandom(() => batches.shift()!)).toBe('23456789');
  });
});

describe('formatTicketCode and normalizeTicketCode', () => {
  it('round-trips a code typed in lower case with spaces or dashes', () => {
    expect(formatTicketCode('ABCD2345')).toBe('ABCD-2345');
    expect(normalizeTicketCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(normalizeTicketCode('abcd 2345')).toBe('ABCD2345');
  });

  it('rejects wrong lengths and characters outside the alphabet', () => {
    expect(normalizeTicketCode('ABCD234')).toBeUndefined();
    expect(normalizeTicketCode('ABCD-234O')).toBeUndefined();
    expect(normalizeTicketCode('')).toBeUndefined();
  });
});
