import { formatShanghaiTime } from './countdown.ts';
import type { OfflineVerdict } from './offline-checkin.ts';
import { seatLabel } from './seat-map.ts';
import { formatTicketCode } from './ticket-code.ts';

/** What the door reads of a ticket in a check-in answer. */
export interface DoorTicket {
  displayCode: string;
  seatLabel: string;
  screening: { film: string };
}

/** A check-in answer as the door page has it: the ticket, or the API's refusal with its details. */
export type DoorAnswer =
  | { ok: true; ticket: DoorTicket }
  | { ok: false; error: { code: string; message: string; [detail: string]: unknown }; ownCheckIn?: boolean };

/** What the staff member reads at arm's length: a colour band (never alone), a big headline and a detail line. */
export interface DoorVerdict {
  verdict: 'valid' | 'used' | 'invalid';
  headline: string;
  detail: string;
}

interface NamedScreening {
  film: string;
  startsAt: string;
  hall?: string;
}

/**
 * The door's verdict on a check-in answer. A ticket for another screening names that screening (film,
 * day and time, hall), so its holder can be told where to go rather than only turned away.
 *
 * @example doorVerdict({ ok: false, error: { code: 'wrong_screening', message: '…', ticketScreening: { film: '长津湖', startsAt: '2026-12-04T10:30:00Z' } } })
 * // → { verdict: 'invalid', headline: '不是本场的票', detail: '这张票是 12月4日 周五 18:30《长津湖》' }
 */
export function doorVerdict(answer: DoorAnswer): DoorVerdict {
  if (answer.ok) {
    const { ticket } = answer;
    return { verdict: 'valid', headline: `有效 · ${ticket.seatLabel}`, detail: `${ticket.displayCode} · ${ticket.screening.film}` };
  }
  const { error } = answer;
  const ticket = error.ticket as DoorTicket | undefined;
  const checkedInAt = typeof error.checkedInAt === 'string' ? formatShanghaiTime(error.checkedInAt) : '';
  if (answer.ownCheckIn) {
    // The holder's own check-in of a moment ago, whose answer was lost: let them in, and say why.
    const seat = ticket ? ` · ${ticket.seatLabel}` : '';
    return { verdict: 'valid', headline: `有效${seat}（刚才已检票，网络中断后重试）`, detail: `检票时间 ${checkedInAt}` };
  }
  switch (error.code) {
    case 'already_checked_in':
      return { verdict: 'used', headline: '已检过票', detail: `首次检票 ${checkedInAt}${ticket ? ` · ${ticket.seatLabel}` : ''}` };
    case 'wrong_screening': {
      const other = error.ticketScreening as NamedScreening | undefined;
      const detail = other
        ? `这张票是 ${formatShanghaiTime(other.startsAt)}《${other.film}》${other.hall ? ` · ${other.hall}` : ''}`
        : '请核对场次';
      return { verdict: 'invalid', headline: '不是本场的票', detail };
    }
    case 'ticket_cancelled':
      return { verdict: 'invalid', headline: '此票已退', detail: ticket?.displayCode ?? '' };
    case 'unknown_ticket':
    case 'invalid_ticket_qr':
      return { verdict: 'invalid', headline: '无效的票', detail: error.message };
    default:
      return { verdict: 'invalid', headline: '检票失败', detail: error.message };
  }
}

/** A seat id as people read it: "3-4" → 3排4号. */
export const labelOf = (seat: string) => {
  const [row, number] = seat.split('-').map(Number) as [number, number];
  return seatLabel({ row, number });
};

/**
 * The door's verdict with no network (src/cinema/offline-checkin.ts), worded like the online one and
 * saying that the check-in waits for the network. `screeningName` names another screening, if the door
 * knows it.
 */
export function offlineDoorVerdict(verdict: OfflineVerdict, screeningName: (id: string) => string | undefined = () => undefined): DoorVerdict {
  switch (verdict.verdict) {
    case 'valid':
      return {
        verdict: 'valid',
        headline: verdict.seat ? `有效 · ${labelOf(verdict.seat)}` : '有效',
        detail: verdict.unlisted
          ? `${formatTicketCode(verdict.code)} · 票单下载后领的票，二维码签名已核对 · 联网后自动同步`
          : `${formatTicketCode(verdict.code)} · 离线检票，联网后自动同步`,
      };
    case 'already_checked_in':
      return {
        verdict: 'used',
        headline: '已检过票',
        detail: `首次检票 ${formatShanghaiTime(verdict.checkedInAt)}${verdict.seat ? ` · ${labelOf(verdict.seat)}` : ''}`,
      };
    case 'wrong_screening': {
      const name = screeningName(verdict.ticketScreeningId);
      return { verdict: 'invalid', headline: '不是本场的票', detail: name ? `这张票是 ${name}` : '请核对场次' };
    }
    case 'cancelled':
      return { verdict: 'invalid', headline: '此票已退', detail: formatTicketCode(verdict.code) };
    case 'unknown':
      return { verdict: 'invalid', headline: '无效的票', detail: '本场票单里没有这张票（离线核对）；联网后可再试' };
  }
}
