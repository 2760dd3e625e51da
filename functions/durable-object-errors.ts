/**
 * How long a client should wait before retrying after a Durable Object call failed in the platform
 * (not in our code), or undefined when the failure is not one to retry. Cloudflare marks such errors:
 * `retryable` (the object restarted or moved; claims are idempotent by key, so a retry is safe) and
 * `overloaded` (retrying soon would deepen the overload, so clients are asked to wait longer).
 */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ((error as { overloaded?: unknown }).overloaded === true) return 5;
  if ((error as { retryable?: unknown }).retryable === true) return 1;
  return undefined;
}
