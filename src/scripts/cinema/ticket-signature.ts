import type { TicketScan } from '../../cinema/offline-checkin';

const fromBase64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));

/**
 * Whether an HG2 payload's Ed25519 signature verifies with one of the Worker's public keys, in the
 * browser's WebCrypto. Undefined when there is nothing to verify (a typed code, HG1) or the browser has
 * no Ed25519 (older WebViews): the door then goes by its ticket list alone (README, "The door offline").
 */
export async function verifyTicketSignature(scan: TicketScan | undefined, publicKeys: string[]): Promise<boolean | undefined> {
  if (scan?.kind !== 'qr' || scan.version !== 'HG2' || !globalThis.crypto?.subtle) return undefined;
  const message = new TextEncoder().encode(scan.signed);
  try {
    const signature = fromBase64url(scan.signature);
    for (const publicKey of publicKeys) {
      const key = await crypto.subtle.importKey('raw', fromBase64url(publicKey), { name: 'Ed25519' }, false, ['verify']);
      if (await crypto.subtle.verify('Ed25519', key, signature, message)) return true;
    }
    return false;
  } catch (error) {
    // NotSupportedError: this browser cannot verify Ed25519. A malformed signature is simply not ours.
    return error instanceof DOMException && error.name === 'NotSupportedError' ? undefined : false;
  }
}
