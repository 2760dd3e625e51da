import type { SiteClient } from './http-client.ts';
import { StepFailure } from './http-client.ts';

interface StaffTicket {
  code: string;
  seat: string;
  checkedInAt?: string;
}

/**
 * The door's part, in one function: staff (an operator's API token) book one seat for a test union and check that ticket in, then scan it again to
 * see the second scan refused. A checked-in ticket can never be cancelled, so it stays on the smoke
 * screening (one seat per run; the screening is new with every staging deploy).
 */
export async function staffCheckIn(client: SiteClient, { screeningId, seat, staffToken }: { screeningId: string; seat: string; staffToken: string }) {
  const headers = { Authorization: `Bearer ${staffToken}` };
  const base = `/api/staff/screenings/${encodeURIComponent(screeningId)}`;
  const { tickets } = await client.json<{ tickets: StaffTicket[] }>('POST', `${base}/bookings`, 201, { headers, body: { union: '冒烟测试', seats: [seat] } });
  const ticket = tickets[0]!;
  const checkIn = await client.json<{ result: string; ticket: StaffTicket }>('POST', `${base}/checkins`, 200, { headers, body: { code: ticket.code } });
  if (checkIn.result !== 'valid' || !checkIn.ticket.checkedInAt) throw new StepFailure(`检票没有记下入场时间：${JSON.stringify(checkIn)}`);
  const again = await client.request('POST', `${base}/checkins`, { headers, body: { code: ticket.code } });
  const code = ((await again.json()) as { error?: { code?: string } }).error?.code;
  if (again.status !== 409 || code !== 'already_checked_in') throw new StepFailure(`同一张票第二次检票应被拒绝（409 already_checked_in），实际 HTTP ${again.status} ${code ?? ''}`);
  return ticket;
}
