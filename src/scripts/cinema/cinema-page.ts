import { formatCountdown, formatShanghaiTime } from '../../cinema/countdown';
import { ReleaseReload } from '../../cinema/release-reload';
import { api } from './api';
import { createCinemaStore, type CinemaState } from './cinema-state';
import { showReleaseReminders } from './calendar-links';
import { byId } from './dom';
import { mountLottery } from './lottery-client';
import { mountNoonQueue } from './noon-queue-client';
import { mountPickerRoute } from './picker-route';
import { mountScreeningList } from './screening-list-view';
import { mountSeatPicker } from './seat-picker';
import { serverNow, syncServerClock } from './server-time';
import { mountSignIn } from './sign-in';
import { mountStandingPanel } from './standing-panel';
import { mountTicketsPanel } from './tickets-panel';
import type { Screening } from './types';

const LIST_REFRESH_MS = 30_000;

/**
 * The /cinema page: one store (cinema-state.ts) drawn by its parts — the list (screening-list-view.ts),
 * the seat picker on its own address (seat-picker.ts, picker-route.ts), sign-in in place (sign-in.ts) and
 * 我的票 (tickets-panel.ts). This file fetches, keeps the clock, and wires the parts together.
 */
export async function startCinemaPage(): Promise<void> {
  const store = createCinemaStore();
  const listView = byId('list-view');
  const listStatus = byId('list-status');
  const status = (text: string) => (listStatus.textContent = text);

  const signIn = mountSignIn(async (signedIn, text) => {
    status(text);
    if (!signedIn) return store.update({ signedIn, serverTickets: [], waitlist: [], localTickets: new Map(), standing: undefined, lotteries: new Map() });
    // Tickets, standing and entries first: a member holding one (or suspended) never sees the card offer 选座领取 or 报名抽签 for a moment.
    await Promise.all([tickets.load(), standing.load(), lottery.load(serverNow())]);
    store.update({ signedIn });
  });
  const tickets = mountTicketsPanel(store, (ticket) => picker.reloadSeats(ticket.screening.id));
  const standing = mountStandingPanel(store);

  async function joinWaitlist(screening: Screening) {
    const result = await api<{ waitlist: { position: number } }>(`/api/screenings/${screening.id}/waitlist`, { method: 'POST' });
    if (!result.ok) return { ok: false as const, error: result.error };
    const place = { screeningId: screening.id, film: screening.film.title, startsAt: screening.startsAt, closesAt: screening.closesAt };
    const joinedAt = new Date(serverNow()).toISOString();
    store.update({ waitlist: [...store.state.waitlist.filter((other) => other.screeningId !== screening.id), { ...place, joinedAt }] });
    return { ok: true as const, text: `已加入候补，排在第 ${result.data.waitlist.position} 位。有人退票时自动补位，补到的票会出现在“我的票”里。` };
  }

  const picker = mountSeatPicker(store, {
    signIn: (anchor) => signIn.openAfter(anchor),
    showTicket: (screeningId) => {
      route.close();
      // After the list is back (popstate), so the scroll lands on the ticket rather than the old place.
      window.addEventListener('popstate', () => tickets.show(screeningId), { once: true });
    },
    reloadTickets: () => void tickets.load(),
    listStatus: status,
    joinWaitlist,
    joinQueue: (screening, seat) => noonQueue.join(screening, seat),
    enterLottery: (screening, seats) => lottery.enter(screening, seats),
    withdrawLottery: (screening) => lottery.withdraw(screening),
    cancelGuestTicket: (screening, ticket) => lottery.cancelGuest(screening, ticket),
  });
  const showTicketFromAnywhere = (screeningId: string) => {
    if (route.current() === undefined) tickets.show(screeningId);
    else {
      route.close();
      window.addEventListener('popstate', () => tickets.show(screeningId), { once: true });
    }
  };
  const lottery = mountLottery(store, {
    report: (screening, text, ...more) => picker.report(screening, text, ...more),
    showTicket: showTicketFromAnywhere,
    reloadTickets: () => void tickets.load(),
  });
  const noonQueue = mountNoonQueue(store, {
    report: (screening, text, ...more) => picker.report(screening, text, ...more),
    showTicket: showTicketFromAnywhere,
    reloadTickets: () => void tickets.load(),
  });

  /** The screening whose picker was shown last: back on the list, focus returns to its card. */
  let shownId: string | undefined;

  /** Shows the picker for a screening the address names, or the list. */
  function show(screeningId: string | undefined): void {
    const screening = store.state.screenings.find((candidate) => candidate.id === screeningId);
    if (screeningId && !screening && store.state.screenings.length > 0) status('找不到这一场，可能已经放映结束。');
    listView.hidden = Boolean(screening);
    if (screening) {
      shownId = screening.id;
      return picker.open(screening);
    }
    picker.close();
    if (shownId) document.querySelector<HTMLElement>(`.screening[data-id="${shownId}"] a`)?.focus({ preventScroll: true });
    shownId = undefined;
  }
  const route = mountPickerRoute(show);
  byId('close-picker').addEventListener('click', (event) => {
    event.preventDefault();
    route.close();
  });

  const list = mountScreeningList({
    openPicker: (screening) => route.open(screening.id),
    act(screening, action, button) {
      if (action.kind === 'sign_in') signIn.openAfter(button);
      else if (action.kind === 'view_ticket') tickets.show(screening.id);
      else if (action.kind === 'join_waitlist') void joinWaitlist(screening).then((answer) => status(`${screening.film.title}：${answer.ok ? answer.text : answer.error.message}`));
      // 候补中: its place, with 退出候补, is in 我的票.
      else if (action.kind === 'waitlisted') tickets.show(screening.id);
      else if (action.kind === 'lottery_won') tickets.show(screening.id);
      else route.open(screening.id);
    },
  });

  // Views are functions of the store; 我的票 is redrawn only when what it shows changed (its 退票 asks twice).
  let ticketsDrawn: unknown[] = [];
  store.subscribe((state: CinemaState) => {
    signIn.setSignedIn(state.signedIn);
    list.render(state, serverNow());
    picker.refresh();
    const drawn = [state.signedIn, state.serverTickets, state.localTickets, state.waitlist, state.screenings.length];
    if (drawn.some((part, i) => part !== ticketsDrawn[i])) {
      ticketsDrawn = drawn;
      tickets.render();
    }
    standing.render();
  });

  // ---- screenings --------------------------------------------------------------------------------

  /** The list request in flight, shared: the release reload and the periodic refresh never overlap. */
  let listRequest: Promise<boolean> | undefined;
  const releaseReload = new ReleaseReload();

  function loadScreenings(): Promise<boolean> {
    listRequest ??= fetchScreenings().finally(() => {
      listRequest = undefined;
    });
    return listRequest;
  }

  async function fetchScreenings(): Promise<boolean> {
    const result = await api<{ screenings: Screening[]; nextReleaseAt: string }>('/api/screenings', { cache: 'no-store' });
    if (!result.ok) {
      status(`场次信息暂时无法更新：${result.error.message}`);
      return false;
    }
    if (store.state.nextReleaseAt !== result.data.nextReleaseAt) showReleaseReminder(result.data.nextReleaseAt);
    store.update({ screenings: result.data.screenings, nextReleaseAt: result.data.nextReleaseAt });
    return true;
  }

  function showReleaseReminder(at: string): void {
    showReleaseReminders(at);
    byId('next-release').textContent = `${formatShanghaiTime(at)} 放票`;
  }

  // ---- the clock ---------------------------------------------------------------------------------

  function tick(): void {
    const now = serverNow();
    const { nextReleaseAt } = store.state;
    if (nextReleaseAt) {
      const left = Date.parse(nextReleaseAt) - now;
      byId('next-release-countdown').textContent = left > 0 ? `还有 ${formatCountdown(left)}` : '正在放票';
      if (releaseReload.start(now, Date.parse(nextReleaseAt))) void loadScreenings().finally(() => releaseReload.finish(serverNow()));
    }
    list.render(store.state, now);
    picker.refresh();
    noonQueue.check(now);
    lottery.check(now);
  }

  // ---- start -------------------------------------------------------------------------------------

  await syncServerClock();
  const [session] = await Promise.all([api<{ signedIn: boolean }>('/api/session', { cache: 'no-store' }), loadScreenings()]);
  if (session.ok && session.data.signedIn) await Promise.all([tickets.load(), standing.load(), lottery.load(serverNow())]);
  store.update({ signedIn: session.ok && session.data.signedIn });
  show(route.current());
  window.setInterval(tick, 250);
  let listDelay = LIST_REFRESH_MS;
  const refreshList = async () => {
    const ok = document.visibilityState !== 'visible' || (await loadScreenings());
    if (ok && store.state.signedIn) await Promise.all([tickets.load(), standing.load()]);
    listDelay = ok ? LIST_REFRESH_MS : Math.min(4 * LIST_REFRESH_MS, listDelay * 2);
    window.setTimeout(refreshList, listDelay);
  };
  window.setTimeout(refreshList, listDelay);
}
