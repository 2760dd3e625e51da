import { readClaimAnswer } from '../../cinema/claim-answer';
import { formatCountdown, formatShanghaiTime } from '../../cinema/countdown';
import { openWaitlistPlaces, reconcileLocalTickets, ticketsToShow } from '../../cinema/my-tickets';
import { newestSeatMap } from '../../cinema/newest-seat-map';
import { nextPollDelay } from '../../cinema/poll-delay';
import { ReleaseReload } from '../../cinema/release-reload';
import { claimWindowState } from '../../cinema/release-window';
import { withSeatStatuses } from '../../cinema/seat-statuses';
import { api, sendJson, type ApiErrorBody } from './api';
import { showReleaseReminders } from './calendar-links';
import { byId, el } from './dom';
import { mountSeatMap, type SeatMapView } from './seat-map-view';
import { serverNow, syncServerClock } from './server-time';
import { ticketCard } from './ticket-view';
import type { Screening, SeatLayout, SeatStatuses, Ticket, WaitlistPlace } from './types';

const LIST_REFRESH_MS = 30_000;

type WindowState = Screening['state'];

function windowState(screening: Screening, now: number): WindowState {
  if (screening.booking) return 'booked';
  return claimWindowState(now, { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
}

/** The /cinema page: screenings with live countdowns, sign-in, the seat picker, claims and my tickets. */
export async function startCinemaPage(): Promise<void> {
  const list = byId<HTMLOListElement>('screening-list');
  const listStatus = byId('list-status');
  const signInForm = byId<HTMLFormElement>('sign-in-form');
  const signInMessage = byId('sign-in-message');
  const signedInNote = byId('signed-in');
  const picker = byId('seat-picker');
  const pickerMessage = byId('picker-message');
  const claimSelected = byId<HTMLButtonElement>('claim-selected');
  const claimBest = byId<HTMLButtonElement>('claim-best');
  const ticketsSection = byId('my-tickets');
  const ticketList = byId('ticket-list');

  let screenings: Screening[] = [];
  let nextReleaseAt: string | undefined;
  let signedIn = false;
  let serverTickets: Ticket[] = [];
  let waitlist: WaitlistPlace[] = [];
  /** Tickets claimed or cancelled on this page: KV may take a moment to show them. */
  let localTickets = new Map<string, Ticket>();
  let current:
    | {
        screening: Screening;
        view: SeatMapView;
        layout?: SeatLayout;
        /** The statuses did not fit the layout we had: a new catalogue is deployed, so skip the HTTP cache. */
        layoutStale?: boolean;
        /** The newest statuses shown: a poll answered from an older cache does not replace them. */
        statuses?: SeatStatuses;
        timer?: number;
        delay: number;
        state?: WindowState;
      }
    | undefined;
  let claiming = false;
  /** The idempotency key of a claim whose answer decided nothing, reused when the member taps again for the same seat. */
  let pendingClaim: { key: string; seat?: string; screeningId: string } | undefined;

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
      listStatus.textContent = `场次信息暂时无法更新：${result.error.message}`;
      return false;
    }
    listStatus.textContent = '';
    screenings = result.data.screenings;
    if (nextReleaseAt !== result.data.nextReleaseAt) {
      nextReleaseAt = result.data.nextReleaseAt;
      showReleaseReminder(nextReleaseAt);
    }
    renderList();
    return true;
  }

  function renderList(): void {
    // Same screenings as shown: update the numbers in place, so focus and reading position stay put.
    const shownIds = [...list.querySelectorAll<HTMLElement>('.screening[data-live]')].map((item) => item.dataset.id).join();
    if (shownIds === screenings.map((screening) => screening.id).join()) {
      for (const screening of screenings) {
        const seatsLeft = list.querySelector(`[data-id="${screening.id}"] .seats-left`);
        if (seatsLeft) seatsLeft.textContent = `${screening.available} / ${screening.capacity} 座`;
      }
      return tick();
    }
    list.replaceChildren(
      ...screenings.map((screening) => {
        const item = el(
          'li',
          { class: 'screening', 'data-id': screening.id, 'data-live': '' },
          el('h3', {}, screening.film.title),
          el('p', { class: 'synopsis' }, screening.film.synopsis),
          el(
            'dl',
            {},
            el('div', {}, el('dt', {}, '放映'), el('dd', {}, formatShanghaiTime(screening.startsAt))),
            el('div', {}, el('dt', {}, '影厅'), el('dd', {}, `${screening.hall.venue} ${screening.hall.name}`)),
            el('div', {}, el('dt', {}, '片长'), el('dd', {}, `${screening.film.runtimeMinutes} 分钟`)),
            screening.booking
              ? el('div', {}, el('dt', {}, '包场'), el('dd', {}, `${screening.booking.union}（不对个人放票）`))
              : el('div', {}, el('dt', {}, '放票'), el('dd', {}, formatShanghaiTime(screening.releaseAt))),
            el('div', {}, el('dt', {}, '剩余'), el('dd', { class: 'seats-left' }, `${screening.available} / ${screening.capacity} 座`)),
          ),
          el('p', { class: 'state' }),
        );
        if (!screening.booking) {
          const open = el('button', { type: 'button', 'aria-controls': 'seat-picker' }, `选座：${screening.film.title}`);
          open.addEventListener('click', () => void openPicker(screening));
          item.append(open);
        }
        return item;
      }),
    );
    tick();
  }

  function stateText(screening: Screening, state: WindowState, now: number): string {
    if (state === 'booked') return '基层工会包场';
    if (state === 'closed') return '已停止领票';
    if (state === 'not_open') return `距放票 ${formatCountdown(Date.parse(screening.releaseAt) - now)}`;
    return screening.available > 0 ? '正在放票' : '座位已领完，可加入候补';
  }

  function showReleaseReminder(at: string): void {
    showReleaseReminders(at);
    byId('next-release').textContent = `${formatShanghaiTime(at)} 放票`;
  }

  // ---- the clock ---------------------------------------------------------------------------------

  function tick(): void {
    const now = serverNow();
    if (nextReleaseAt) {
      const left = Date.parse(nextReleaseAt) - now;
      byId('next-release-countdown').textContent = left > 0 ? `还有 ${formatCountdown(left)}` : '正在放票';
      if (releaseReload.start(now, Date.parse(nextReleaseAt))) void loadScreenings().finally(() => releaseReload.finish(serverNow()));
    }
    for (const screening of screenings) {
      const state = windowState(screening, now);
      const item = list.querySelector(`[data-id="${screening.id}"] .state`);
      if (item) item.textContent = stateText(screening, state, now);
    }
    if (current) updatePickerWindow(now);
  }

  // ---- session -----------------------------------------------------------------------------------

  function setSignedIn(value: boolean): void {
    signedIn = value;
    signInForm.hidden = value;
    signedInNote.hidden = !value;
    ticketsSection.hidden = !value;
    if (!value) {
      serverTickets = [];
      waitlist = [];
      localTickets.clear();
      ticketList.replaceChildren();
    }
    if (current) updatePickerWindow(serverNow());
  }

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(signInForm);
    const memberNumber = String(data.get('memberNumber') ?? '').trim();
    const phoneLast4 = String(data.get('phoneLast4') ?? '').trim();
    if (!memberNumber || !/^\d{4}$/.test(phoneLast4)) {
      signInMessage.textContent = '请填写会员号和手机号后四位（4 个数字）。';
      return;
    }
    signInMessage.textContent = '正在登录…';
    const result = await sendJson('POST', '/api/session', { memberNumber, phoneLast4 });
    if (!result.ok) {
      const wait = typeof result.error.retryAfterSeconds === 'number' ? `请 ${Math.ceil(result.error.retryAfterSeconds / 60)} 分钟后再试。` : '';
      signInMessage.textContent = `${result.error.message}。${wait}`;
      return;
    }
    signInMessage.textContent = '';
    signInForm.reset();
    setSignedIn(true);
    listStatus.textContent = '登录成功。';
    await loadTickets();
  });

  byId('sign-out').addEventListener('click', async () => {
    await api('/api/session', { method: 'DELETE' });
    setSignedIn(false);
    listStatus.textContent = '已退出登录。';
    byId('member-number').focus();
  });

  // ---- tickets -----------------------------------------------------------------------------------

  async function loadTickets(): Promise<void> {
    const result = await api<{ tickets: Ticket[]; waitlist: WaitlistPlace[] }>('/api/me/tickets', { cache: 'no-store' });
    if (!result.ok) {
      if (['not_signed_in', 'session_expired', 'session_revoked'].includes(result.error.code)) setSignedIn(false);
      return;
    }
    serverTickets = result.data.tickets;
    localTickets = reconcileLocalTickets(serverTickets, localTickets);
    waitlist = result.data.waitlist;
    renderTickets();
  }

  function renderTickets(): void {
    const now = serverNow();
    const shown = ticketsToShow(serverTickets, localTickets, now);
    const runtime = (id: string) => screenings.find((screening) => screening.id === id)?.film.runtimeMinutes;
    const places = openWaitlistPlaces(waitlist, now).map((place) => {
      const leave = el('button', { type: 'button', class: 'link-button' }, '退出候补');
      leave.addEventListener('click', async () => {
        await api(`/api/screenings/${place.screeningId}/waitlist`, { method: 'DELETE' });
        waitlist = waitlist.filter((other) => other !== place);
        renderTickets();
      });
      return el('p', { class: 'waitlist' }, `候补中：${place.film}（${formatShanghaiTime(place.startsAt)}），有人退票时自动补位。`, leave);
    });
    ticketList.replaceChildren(...shown.map((ticket) => ticketCard(ticket, runtime(ticket.screening.id), cancelTicket)), ...places);
    byId('tickets-status').textContent = shown.length === 0 && places.length === 0 ? '还没有领到票。' : '';
  }

  async function cancelTicket(ticket: Ticket): Promise<void> {
    const result = await api<{ ticket: Ticket }>(`/api/screenings/${ticket.screening.id}/tickets/${ticket.code}`, { method: 'DELETE' });
    if (!result.ok) {
      byId('tickets-status').textContent = result.error.message;
      return;
    }
    localTickets.set(ticket.code, result.data.ticket);
    renderTickets();
    byId('tickets-status').textContent = `已退票：${ticket.seatLabel}。`;
    if (current?.screening.id === ticket.screening.id) void refreshSeats();
  }

  // ---- the seat picker ---------------------------------------------------------------------------

  async function openPicker(screening: Screening): Promise<void> {
    closePicker();
    picker.hidden = false;
    pickerMessage.replaceChildren();
    byId('picker-title').textContent = `选座：${screening.film.title}`;
    byId('picker-info').textContent = `${formatShanghaiTime(screening.startsAt)} · ${screening.hall.venue} ${screening.hall.name}`;
    const view = mountSeatMap(byId('seat-map'), () => updateButtons());
    current = { screening, view, delay: 0 };
    updatePickerWindow(serverNow());
    picker.focus();
    await refreshSeats();
  }

  function closePicker(): void {
    if (current?.timer) clearTimeout(current.timer);
    current = undefined;
    picker.hidden = true;
    byId('seat-map').replaceChildren();
  }

  byId('close-picker').addEventListener('click', () => {
    const id = current?.screening.id;
    closePicker();
    list.querySelector<HTMLButtonElement>(`[data-id="${id}"] button`)?.focus();
  });

  async function refreshSeats(): Promise<void> {
    if (!current) return;
    const picked = current;
    if (picked.timer) clearTimeout(picked.timer);
    const path = `/api/screenings/${picked.screening.id}`;
    // The layout once, then only the statuses: a few hundred bytes a poll on a cheap phone's data plan.
    const [layout, result] = await Promise.all([
      picked.layout
        ? ({ ok: true, status: 200, data: picked.layout } as const)
        : api<SeatLayout>(`${path}/layout`, picked.layoutStale ? { cache: 'reload' } : {}),
      api<SeatStatuses>(`${path}/seats`),
    ]);
    if (current !== picked) return;
    const statuses = result.ok ? newestSeatMap(picked.statuses, result.data) : undefined;
    const rows = layout.ok && statuses ? withSeatStatuses(layout.data.rows, statuses.statuses) : undefined;
    // Kept only while the statuses fit it (a new catalogue may have been deployed).
    picked.layoutStale = layout.ok && result.ok && !rows;
    picked.layout = rows && layout.ok ? layout.data : undefined;
    if (rows) {
      picked.statuses = statuses;
      const first = picked.delay === 0;
      picked.view.update({ rows });
      // Narrow phones scroll the map: start at the centre, where the best seats are.
      const scroller = byId('seat-map-scroll');
      if (first) scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) / 2;
    }
    picked.delay = nextPollDelay(picked.delay, rows !== undefined);
    // Polls only while the page is in view; a hidden tab refreshes when it comes back.
    picked.timer = window.setTimeout(() => {
      if (document.visibilityState === 'visible') void refreshSeats();
    }, picked.delay);
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      void syncServerClock();
      void refreshSeats();
    }
  });

  function updatePickerWindow(now: number): void {
    if (!current) return;
    const state = windowState(current.screening, now);
    const text = byId('picker-window');
    if (state === 'not_open') text.textContent = `距放票还有 ${formatCountdown(Date.parse(current.screening.releaseAt) - now)}，可以先选好座位。`;
    else if (state === 'open') text.textContent = signedIn ? '正在放票：选好座位后点“领取”，或直接领取最佳座位。' : '正在放票：请先登录再领票。';
    else if (state === 'closed') text.textContent = '本场已停止领票。';
    else text.textContent = '本场由基层工会包场。';
    if (current.state === 'not_open' && state === 'open') {
      listStatus.textContent = `${current.screening.film.title} 开始放票了。`;
      void refreshSeats();
    }
    current.state = state;
    updateButtons();
  }

  function updateButtons(): void {
    const open = Boolean(current && signedIn && windowState(current.screening, serverNow()) === 'open');
    const selected = current?.view.selected();
    claimSelected.disabled = !open || !selected || claiming;
    claimSelected.textContent = selected ? `领取 ${selected.label}` : '领取所选座位';
    claimBest.disabled = !open || claiming;
  }

  claimSelected.addEventListener('click', () => void claim(current?.view.selected()?.id));
  claimBest.addEventListener('click', () => void claim(undefined));

  async function claim(seat: string | undefined): Promise<void> {
    if (!current || claiming) return;
    const { screening } = current;
    claiming = true;
    updateButtons();
    pickerMessage.replaceChildren('正在领票…');
    const key = pendingClaim?.screeningId === screening.id && pendingClaim.seat === seat ? pendingClaim.key : crypto.randomUUID();
    pendingClaim = { key, seat, screeningId: screening.id };
    const answer = readClaimAnswer(
      await sendJson<{ ticket: Ticket }>('POST', `/api/screenings/${screening.id}/claims`, seat ? { seat } : {}, { 'Idempotency-Key': key }),
    );
    claiming = false;
    if (answer.kind !== 'refused' || !answer.keepKey) pendingClaim = undefined;
    if (answer.kind === 'issued') {
      const { ticket } = answer;
      localTickets.set(ticket.code, ticket);
      renderTickets();
      report(screening, `领票成功：${ticket.seatLabel}，票号 ${ticket.displayCode}。`, el('a', { href: '#my-tickets' }, '查看我的票'));
    } else if (answer.kind === 'cancelled') {
      report(screening, `${answer.message}。`);
      void loadTickets();
    } else if (showing(screening)) {
      showRefusal(answer.error);
    } else {
      report(screening, `${answer.error.message}。`);
    }
    updateButtons();
    void refreshSeats();
  }

  /** Whether the picker still shows this screening: it may have been closed or moved on during an await. */
  function showing(screening: Screening): boolean {
    return current?.screening.id === screening.id;
  }

  /** An answer about a screening: in the picker while it shows that screening, else in the list's status line. */
  function report(screening: Screening, text: string, ...more: Node[]): void {
    if (showing(screening)) pickerMessage.replaceChildren(text, ...more);
    else listStatus.textContent = `${screening.film.title}：${text}`;
  }

  function actionButton(text: string, action: () => void): HTMLButtonElement {
    const button = el('button', { type: 'button' }, text);
    button.addEventListener('click', action);
    return button;
  }

  /** Every refusal in Chinese, with the next step the member can take. */
  function showRefusal(error: ApiErrorBody): void {
    const parts: (Node | string)[] = [`${error.message}。`];
    switch (error.code) {
      case 'seat_taken': {
        const suggestions = (error.suggestions as string[] | undefined) ?? [];
        if (suggestions.length > 0) {
          parts.push('附近的空位：');
          const choices = el('span', { class: 'actions' });
          for (const seat of suggestions) {
            const [row, number] = seat.split('-');
            choices.append(actionButton(`领取 ${row}排${number}号`, () => void claim(seat)));
          }
          parts.push(choices);
        }
        break;
      }
      case 'sold_out':
        parts.push(actionButton('加入候补', () => void joinWaitlist()));
        break;
      case 'window_not_open':
        if (typeof error.opensAt === 'string') parts.push(`${formatShanghaiTime(error.opensAt)} 开始放票。`);
        void syncServerClock();
        break;
      case 'not_signed_in':
      case 'session_expired':
      case 'session_revoked':
        setSignedIn(false);
        parts.push('请在上方登录后再领。');
        byId('member-number').focus();
        break;
      case 'already_holds_ticket':
        if (error.ticket) {
          const ticket = error.ticket as Ticket;
          localTickets.set(ticket.code, ticket);
          renderTickets();
        }
        parts.push(el('a', { href: '#my-tickets' }, '查看我的票'));
        break;
      case 'network':
      case 'busy':
      case 'rate_limited':
      case 'temporarily_unavailable':
      case 'internal_error':
        parts.push('请稍等几秒再点一次领取，不会重复领票。');
        break;
    }
    pickerMessage.replaceChildren(...parts);
  }

  async function joinWaitlist(): Promise<void> {
    if (!current) return;
    const { screening } = current;
    const result = await api<{ waitlist: { position: number } }>(`/api/screenings/${screening.id}/waitlist`, { method: 'POST' });
    if (!result.ok) return showing(screening) ? showRefusal(result.error) : report(screening, `${result.error.message}。`);
    report(screening, `已加入候补，排在第 ${result.data.waitlist.position} 位。有人退票时自动补位，补到的票会出现在“我的票”里。`);
    const place = { screeningId: screening.id, film: screening.film.title, startsAt: screening.startsAt, closesAt: screening.closesAt };
    waitlist = [...waitlist.filter((other) => other.screeningId !== screening.id), { ...place, joinedAt: new Date(serverNow()).toISOString() }];
    renderTickets();
  }

  // ---- start -------------------------------------------------------------------------------------

  signInForm.hidden = false;
  await syncServerClock();
  const session = await api<{ signedIn: boolean }>('/api/session', { cache: 'no-store' });
  setSignedIn(session.ok && session.data.signedIn);
  await Promise.all([loadScreenings(), signedIn ? loadTickets() : Promise.resolve()]);
  window.setInterval(tick, 250);
  let listDelay = LIST_REFRESH_MS;
  const refreshList = async () => {
    const ok = document.visibilityState !== 'visible' || (await loadScreenings());
    if (ok && signedIn) await loadTickets();
    listDelay = ok ? LIST_REFRESH_MS : Math.min(4 * LIST_REFRESH_MS, listDelay * 2);
    window.setTimeout(refreshList, listDelay);
  };
  window.setTimeout(refreshList, listDelay);
}
