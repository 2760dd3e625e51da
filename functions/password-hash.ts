/**
 * Staff passwords as PBKDF2-SHA-256 with a random per-account salt (WebCrypto, as workerd has no scrypt
 * or Argon2). workerd refuses more than 100,000 iterations, so that is what we use (OWASP advises
 * 600,000; docs/security.md weighs it). The record keeps its iteration count, so raising it later only
 * needs a rehash at the next sign-in.
 */
import { toHex } from './crypto.ts';

export const PBKDF2_ITERATIONS = 100_000;
const encoder = new TextEncoder();

export interface PasswordHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** Hex, 16 random bytes. */
  salt: string;
  /** Hex, 32 bytes. */
  hash: string;
}

const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toHex(salt), hash: toHex(await derive(password, salt, iterations)) };
}

/** Whether `password` is the one hashed, compared in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const derived = await derive(password, fromHex(stored.salt), stored.iterations);
  const expected = fromHex(stored.hash);
  let difference = derived.length ^ expected.length;
  for (let i = 0; i < derived.length; i++) difference |= derived[i]! ^ (expected[i] ?? 0);
  return difference === 0;
}

/**
 * A hash of no password, checked when the username is unknown, so that an unknown name takes as long
 * to refuse as a wrong password (no telling which usernames exist by timing).
 */
export const DECOY_PASSWORD_HASH: PasswordHash = {
  algorithm: 'PBKDF2-SHA-256',
  iterations: PBKDF2_ITERATIONS,
  salt: '00000000000000000000000000000000',
  hash: '0000000000000000000000000000000000000000000000000000000000000000',
};
