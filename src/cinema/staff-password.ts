/**
 * A generated staff password: 16 characters from 54 that cannot be misread on paper or a phone screen
 * (no 0/O, 1/l/I), about 92 bits. Shown once (staff:add, an admin's create or reset) and never stored.
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 16): string {
  // Rejection sampling: bytes past the last whole multiple of the alphabet would favour its start.
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
}
