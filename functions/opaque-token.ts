/**
 * Staff session ids and API tokens: 32 random bytes, handed out once and stored only as their SHA-256
 * (they carry 256 bits, so a fast hash is enough: nobody can guess one from its hash).
 */
import { toBase64url, toHex } from './crypto.ts';

/** API tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'hgs_';

export function newOpaqueToken(prefix = ''): string {
  return prefix + toBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function tokenHash(token: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))));
}
