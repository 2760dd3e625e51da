import { clockOffset } from '../../cinema/server-clock';
import { api } from './api';

let offset = 0;

/** Measures how far the server's clock is from this phone's; every countdown follows the server. */
export async function syncServerClock(): Promise<void> {
  const sentAt = Date.now();
  const result = await api<{ now: string }>('/api/health', { cache: 'no-store' });
  if (result.ok) offset = clockOffset(sentAt, Date.now(), Date.parse(result.data.now));
}

export function serverNow(): number {
  return Date.now() + offset;
}
