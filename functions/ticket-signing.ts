import { normalizeTicketCode } from '../src/cinema/ticket-code.ts';
import { hmac, safeEqual, toBase64url } from './crypto.ts';
import type { Env } from './env.ts';

const encoder = new TextEncoder();
/** Imported once per key and isolate: importing costs more than a signature. */
const privateKeys = new Map<string, Promise<{ key: CryptoKey; publicKey: string }>>();

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim().replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** The Ed25519 private key (PKCS#8, base64, as `openssl genpkey -algorithm ed25519 -outform DER | base64` prints it) and its public key (raw 32 bytes, base64url). */
function signingKey(pkcs8: string): Promise<{ key: CryptoKey; publicKey: string }> {
  let entry = privateKeys.get(pkcs8);
  if (!entry) {
    entry = (async () => {
      const key = await crypto.subtle.importKey('pkcs8', fromBase64(pkcs8), { name: 'Ed25519' }, true, ['sign']);
      // The JWK of a private key carries its public half (x), so the secret alone is enough to configure.
      const { x } = (await crypto.subtle.exportKey('jwk', key)) as JsonWebKey;
      return { key, publicKey: x! };
    })();
    privateKeys.set(pkcs8, entry);
  }
  return entry;
}

/** The public key the door verifies HG2 payloads with, offline: raw 32 bytes, base64url. */
export async function ticketPublicKey(pkcs8: string): Promise<string> {
  return (await signingKey(pkcs8)).publicKey;
}

/**
 * The QR payload of a ticket: HG2.<screening>.<code>.<Ed25519 signature of "HG2.<screening>.<code>", base64url>.
 * Signed with a private key only the Worker holds, so the door can verify it with the public key and no network.
 */
export async function ticketQrPayload(pkcs8: string, screeningId: string, code: string): Promise<string> {
  const message = `HG2.${screeningId}.${code}`;
  const signature = await crypto.subtle.sign('Ed25519', (await signingKey(pkcs8)).key, encoder.encode(message));
  return `${message}.${toBase64url(new Uint8Array(signature))}`;
}

/** HG1, the HMAC payload of tickets issued before HG2: it still verifies online (the door cannot check it offline). */
async function hg1Signature(secret: string, screeningId: string, code: string): Promise<string> {
  return toBase64url((await hmac(secret, `HG1.${screeningId}.${code}`)).slice(0, 16));
}

/** An HG1 payload as tickets carried it before HG2 (kept for tests of old tickets). */
export async function legacyTicketQrPayload(secret: string, screeningId: string, code: string): Promise<string> {
  return `HG1.${screeningId}.${code}.${await hg1Signature(secret, screeningId, code)}`;
}

/** The Worker's signing keys: the current one, the one before it during a rotation, and HG1's HMAC secret. */
export interface TicketKeys {
  signingKey: string;
  previousSigningKey?: string;
  hmacSecret: string;
}

/** The public keys HG2 payloads may be signed with: the current key's first. */
export async function ticketPublicKeys(keys: TicketKeys): Promise<string[]> {
  const pkcs8s = [keys.signingKey, keys.previousSigningKey].filter((key): key is string => Boolean(key));
  return Promise.all(pkcs8s.map(ticketPublicKey));
}

const verifyKeys = new Map<string, Promise<CryptoKey>>();
function verifyKey(publicKey: string): Promise<CryptoKey> {
  let key = verifyKeys.get(publicKey);
  if (!key) {
    key = crypto.subtle.importKey('raw', fromBase64(publicKey), { name: 'Ed25519' }, false, ['verify']);
    verifyKeys.set(publicKey, key);
  }
  return key;
}

/** The screening and code a QR payload names, if its signature is ours (`version` says which kind it was). */
export async function verifyTicketQr(keys: TicketKeys, payload: string): Promise<{ screeningId: string; code: string; version: 'HG1' | 'HG2' } | undefined> {
  const parts = payload.trim().split('.');
  if (parts.length !== 4) return undefined;
  const [version, screeningId, rawCode, given] = parts as [string, string, string, string];
  const code = normalizeTicketCode(rawCode);
  if (!code) return undefined;
  if (version === 'HG1') {
    return (await safeEqual(given, await hg1Signature(keys.hmacSecret, screeningId, code))) ? { screeningId, code, version } : undefined;
  }
  if (version !== 'HG2' || !/^[A-Za-z0-9_-]{86}$/.test(given)) return undefined;
  const message = encoder.encode(`HG2.${screeningId}.${code}`);
  for (const publicKey of await ticketPublicKeys(keys)) {
    if (await crypto.subtle.verify('Ed25519', await verifyKey(publicKey), fromBase64(given), message)) return { screeningId, code, version };
  }
  return undefined;
}

/** The ticket keys from the Worker's secrets. */
export function ticketKeys(env: Pick<Env, 'TICKET_SIGNING_KEY' | 'TICKET_SIGNING_KEY_PREVIOUS' | 'TICKET_SECRET'>): TicketKeys {
  return {
    signingKey: env.TICKET_SIGNING_KEY,
    ...(env.TICKET_SIGNING_KEY_PREVIOUS ? { previousSigningKey: env.TICKET_SIGNING_KEY_PREVIOUS } : {}),
    hmacSecret: env.TICKET_SECRET,
  };
}
