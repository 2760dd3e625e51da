/**
 * Ticket codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as
 * ABCD-EFGH. 30^8 ≈ 6.6 × 10^11 codes, so guessing one is hopeless; the object still checks uniqueness.
 */
export const TICKET_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TICKET_CODE_LENGTH = 8;

/** A code from random bytes (one byte per character; rejection sampling keeps every character equally likely). */
export function ticketCodeFromRandom(random: () => Uint8Array): string {
  const limit = 256 - (256 % TICKET_ALPHABET.length);
  let code = '';
  while (code.length < TICKET_CODE_LENGTH) {
    for (const byte of random()) {
      if (byte < limit && code.length < TICKET_CODE_LENGTH) code += TICKET_ALPHABET[byte % TICKET_ALPHABET.length];
    }
  }
  return code;
}

/** ABCD-EFGH, for people. */
export function formatTicketCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A typed code as the system stores it: case, spaces and dashes ignored, look-alikes mapped to what they
 * resemble (O→0 is not in the alphabet, so O, I, L, U are simply invalid). Returns undefined if invalid.
 */
export function normalizeTicketCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== TICKET_CODE_LENGTH) return undefined;
  return [...code].every((ch) => TICKET_ALPHABET.includes(ch)) ? code : undefined;
}
