import { generate } from 'lean-qr';
import { toSvg } from 'lean-qr/extras/svg';
import { formatShanghaiTime } from '../../cinema/countdown';
import { icsCalendar } from '../../cinema/ics';
import { icsLink } from './calendar-links';
import { el } from './dom';
import { serverNow } from './server-time';
import type { Ticket } from './types';

/** Where to go and how to get in, as the hall's file gives them. */
function venueLines(ticket: Ticket): HTMLElement[] {
  const { address, directions } = ticket.screening;
  return [
    ...(address ? [el('p', { class: 'ticket-venue' }, el('span', { class: 'ticket-field' }, '地址'), address)] : []),
    ...(directions ? [el('p', { class: 'ticket-venue' }, el('span', { class: 'ticket-field' }, '入场'), directions)] : []),
  ];
}

/** A ticket card: film, time, hall, seat, the QR code (made here, in the page) and the code to type. */
export function ticketCard(ticket: Ticket, runtimeMinutes: number | undefined, onCancel: (ticket: Ticket) => void): HTMLElement {
  const cancelled = ticket.status === 'cancelled';
  const card = el(
    'article',
    { class: `ticket${cancelled ? ' cancelled' : ''}`, 'data-code': ticket.code },
    el('h3', {}, ticket.screening.film),
    el('p', {}, `${formatShanghaiTime(ticket.screening.startsAt)} · ${ticket.screening.venue} ${ticket.screening.hall}`),
    el('p', { class: 'seat-label' }, ticket.seatLabel),
  );
  if (cancelled) {
    card.append(el('p', { class: 'ticket-status' }, '已退票'));
    return card;
  }
  const qr = toSvg(generate(ticket.qr), document, { on: '#000', off: '#fff', pad: 4 });
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', `入场二维码，票号 ${ticket.displayCode}`);
  card.append(
    el('div', { class: 'qr' }, qr),
    el('p', {}, '票号 ', el('span', { class: 'code' }, ticket.displayCode)),
    el('p', { class: 'ticket-status' }, ticket.checkedInAt ? `已入场（${formatShanghaiTime(ticket.checkedInAt)}）` : '入场时出示二维码或报票号'),
    ...venueLines(ticket),
  );
  // Once in, nothing is left to do with the ticket: no reminder, no 退票 (the Worker would refuse it).
  if (ticket.checkedInAt) {
    card.classList.add('checked-in');
    return card;
  }
  const actions = el('div', { class: 'ticket-actions' });
  const start = new Date(ticket.screening.startsAt);
  actions.append(
    icsLink(
      '加入日历',
      `huigong-${ticket.screening.id}.ics`,
      icsCalendar(
        {
          uid: `${ticket.code}@huigong`,
          start,
          end: new Date(start.getTime() + (runtimeMinutes ?? 120) * 60_000),
          summary: `惠工影院：${ticket.screening.film}（${ticket.seatLabel}）`,
          location: `${ticket.screening.address ?? ticket.screening.venue} ${ticket.screening.hall}`,
          description: `票号 ${ticket.displayCode}。入场时出示二维码。`,
          alarmMinutes: 60,
        },
        new Date(serverNow()),
      ),
    ),
  );
  if (serverNow() < Date.parse(ticket.screening.closesAt)) {
    const cancel = el('button', { type: 'button', class: 'link-button' }, '退票');
    cancel.addEventListener('click', () => {
      // Asks once more in place rather than in a browser dialog, which screen readers handle poorly.
      if (cancel.dataset.confirm) return onCancel(ticket);
      cancel.dataset.confirm = '1';
      cancel.textContent = `确认退掉 ${ticket.seatLabel} 的票`;
    });
    actions.append(cancel);
  }
  card.append(actions);
  return card;
}
