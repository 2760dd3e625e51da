import { normalizeTicketCode } from '../src/cinema/ticket-code.ts';
import { hmac, safeEqual, toBase64url } from './crypto.ts';

const VERSION = 'HG1';

async function signature(secret: string, screeningId: string, code: string): Promise<string> {
  return toBase64url((await hmac(secret, `${VERSION}.${screeningId}.${code}`)).slice(0, 16));
}

/** The QR payload of a ticket: HG1.<screening>.<code>.<signature>; door staff's scanners verify it offline-free. */
export async function ticketQrPayload(secret: string, screeningId: string, code: string): Promise<string> {
  return `${VERSION}.${screeningId}.${code}.${await signature(secret, screeningId, code)}`;
}

/** The screening and code a QR payload names, if its signature is ours. */
export async function verifyTicketQr(secret: string, payload: string): Promise<{ screeningId: string; code: string } | undefined> {
  const parts = payload.trim().split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return undefined;
  const [, screeningId, rawCode, given] = parts as [string, string, string, string];
  const code = normalizeTicketCode(rawCode);
  if (!code || !(await safeEqual(given, await signature(secret, screeningId, code)))) return undefined;
  return { screeningId, code };
}
