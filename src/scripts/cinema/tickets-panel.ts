import { formatShanghaiTime } from '../../cinema/countdown';
import { openWaitlistPlaces, reconcileLocalTickets } from '../../cinema/my-tickets';
import { api } from './api';
import { shownTickets, type CinemaStore } from './cinema-state';
import { byId, el } from './dom';
import { serverNow } from './server-time';
import { ticketCard } from './ticket-view';
import type { Ticket, WaitlistPlace } from './types';

export interface TicketsPanel {
  load(): Promise<void>;
  render(): void;
  /** Brings a screening's ticket into view and focus (from 已领 … · 查看票). */
  show(screeningId: string): void;
}

const SESSION_ENDED = ['not_signed_in', 'session_expired', 'session_revoked'];

/**
 * 我的票, pinned at the top of the list once signed in: the member's tickets (cards from ticket-view.ts)
 * and waitlist places, with 退票 and 退出候补. `onCancelled` hears a ticket cancelled here.
 */
export function mountTicketsPanel(store: CinemaStore, onCancelled: (ticket: Ticket) => void): TicketsPanel {
  const section = byId('my-tickets');
  const list = byId('ticket-list');
  const status = byId('tickets-status');
  /** Why the last ask for the list failed (no network, a busy server): the list shown is not the server's. */
  let unread: string | undefined;

  async function load(): Promise<void> {
    const result = await api<{ tickets: Ticket[]; waitlist: WaitlistPlace[] }>('/api/me/tickets', { cache: 'no-store' });
    if (!result.ok) {
      if (SESSION_ENDED.includes(result.error.code)) return store.update({ signedIn: false });
      unread = result.error.message;
      return render();
    }
    unread = undefined;
    const serverTickets = result.data.tickets;
    store.update({ serverTickets, localTickets: reconcileLocalTickets(serverTickets, store.state.localTickets), waitlist: result.data.waitlist });
  }

  function render(): void {
    const { state } = store;
    section.hidden = !state.signedIn;
    if (!state.signedIn) return list.replaceChildren();
    const now = serverNow();
    const shown = shownTickets(state, now);
    const runtime = (id: string) => state.screenings.find((screening) => screening.id === id)?.film.runtimeMinutes;
    const places = openWaitlistPlaces(state.waitlist, now).map((place) => {
      const leave = el('button', { type: 'button', class: 'link-button' }, '退出候补');
      leave.addEventListener('click', async () => {
        await api(`/api/screenings/${place.screeningId}/waitlist`, { method: 'DELETE' });
        store.update({ waitlist: store.state.waitlist.filter((other) => other !== place) });
      });
      return el('p', { class: 'waitlist' }, `候补中：${place.film}（${formatShanghaiTime(place.startsAt)}），有人退票时自动补位。`, leave);
    });
    list.replaceChildren(...shown.map((ticket) => ticketCard(ticket, runtime(ticket.screening.id), cancel)), ...places);
    // Never 还没有领到票 on a failed read: the member may well hold one.
    if (unread) status.textContent = `我的票暂时读不到：${unread}。稍后会自动再试。`;
    else status.textContent = shown.length === 0 && places.length === 0 ? '还没有领到票。' : '';
  }

  async function cancel(ticket: Ticket): Promise<void> {
    const result = await api<{ ticket: Ticket }>(`/api/screenings/${ticket.screening.id}/tickets/${ticket.code}`, { method: 'DELETE' });
    if (!result.ok) {
      status.textContent = result.error.message;
      return;
    }
    store.update({ localTickets: new Map(store.state.localTickets).set(ticket.code, result.data.ticket) });
    status.textContent = `已退票：${ticket.seatLabel}。`;
    onCancelled(ticket);
  }

  return {
    load,
    render,
    show(screeningId) {
      const card = [...list.querySelectorAll<HTMLElement>('.ticket')].find((ticket) =>
        shownTickets(store.state, serverNow()).some((shown) => shown.code === ticket.dataset.code && shown.screening.id === screeningId),
      );
      const target = card ?? section;
      target.tabIndex = -1;
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    },
  };
}
