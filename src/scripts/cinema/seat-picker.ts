import { readClaimAnswer } from '../../cinema/claim-answer';
import { formatCountdown, formatShanghaiTime } from '../../cinema/countdown';
import { noonQueueState } from '../../cinema/noon-queue';
import { CINEMA_RULES } from '../../cinema/rules';
import { newestSeatMap } from '../../cinema/newest-seat-map';
import { nextPollDelay } from '../../cinema/poll-delay';
import type { ScreeningAction } from '../../cinema/screening-action';
import { withSeatStatuses } from '../../cinema/seat-statuses';
import { drawAction } from './action-button';
import { api, sendJson, type ApiErrorBody } from './api';
import { actionFor, windowState, type CinemaStore, type WindowState } from './cinema-state';
import { byId, el } from './dom';
import type { LotteryAnswer } from './lottery-client';
import { mountLotteryPanel } from './lottery-panel';
import { mountSeatMap, type SeatMapView } from './seat-map-view';
import { serverNow, syncServerClock } from './server-time';
import type { Screening, SeatLayout, SeatStatuses, Ticket } from './types';

export interface PickerHandlers {
  /** The member must sign in first: show the form after `anchor`. */
  signIn(anchor: Element): void;
  /** 查看票: back to the list, at the screening's ticket. */
  showTicket(screeningId: string): void;
  /** 我的票 may have changed elsewhere (a claim's ticket was cancelled since): ask again. */
  reloadTickets(): void;
  /** A line for the list's status (the picker was closed before an answer came). */
  listStatus(text: string): void;
  /** Joins a screening's waitlist (shared with the list's 加入候补); the answer's words. */
  joinWaitlist(screening: Screening): Promise<{ ok: true; text: string } | { ok: false; error: ApiErrorBody }>;
  /** Takes a place in the screening's noon queue, with the seat picked if any; the answer's words. */
  joinQueue(screening: Screening, seat: string | undefined): Promise<{ ok: true; text: string } | { ok: false; error: ApiErrorBody }>;
  /** Enters the screening's lottery for these seats, or changes the entry (lottery-client.ts). */
  enterLottery(screening: Screening, seats: 1 | 2): Promise<LotteryAnswer>;
  withdrawLottery(screening: Screening): Promise<LotteryAnswer>;
  /** 退票 on a lottery pair's guest ticket. */
  cancelGuestTicket(screening: Screening, ticket: Ticket): Promise<LotteryAnswer>;
}

/** Buttons that only say something (what is coming, what is done): a tap does nothing here. */
const WORDS_ONLY = new Set<ScreeningAction['kind']>(['opens_at', 'waitlisted', 'queued', 'lottery_opens', 'lottery_entered', 'lottery_drawing', 'lottery_lost']);

export interface SeatPicker {
  open(screening: Screening): void;
  close(): void;
  /** The clock ticked or the state changed: redraw the window line and the button. */
  refresh(): void;
  /** Fetches the seat map again now (a cancellation here freed a seat). */
  reloadSeats(screeningId: string): void;
  /** An answer about a screening: here while the picker shows it, else in the list's status line. */
  report(screening: Screening, text: string, ...more: Node[]): void;
}

interface Shown {
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

/**
 * The seat picker, a screen of its own (its address: picker-route.ts): the hall, the claim window, and
 * one button that says what it does (src/cinema/screening-action.ts), then the answer to a claim.
 */
export function mountSeatPicker(store: CinemaStore, handlers: PickerHandlers): SeatPicker {
  const picker = byId('seat-picker');
  const message = byId('picker-message');
  const claimButton = byId<HTMLButtonElement>('claim');
  const zoomIn = byId<HTMLButtonElement>('zoom-in');
  const zoomOut = byId<HTMLButtonElement>('zoom-out');
  let current: Shown | undefined;
  let claiming = false;
  const lotteryPanel = mountLotteryPanel(store, {
    changed: () => refresh(),
    withdraw: (screening) => void sendLottery(screening, () => handlers.withdrawLottery(screening), '正在撤回…'),
    cancelGuest: (screening, ticket) => void sendLottery(screening, () => handlers.cancelGuestTicket(screening, ticket), '正在退票…'),
  });
  /** The idempotency key of a claim whose answer decided nothing, reused when the member taps again for the same seat. */
  let pendingClaim: { key: string; seat?: string; screeningId: string } | undefined;

  /** The screening as the store has it now (the list refreshes seats left). */
  const screeningNow = (shown: Shown) => store.state.screenings.find((screening) => screening.id === shown.screening.id) ?? shown.screening;

  function open(screening: Screening): void {
    close();
    picker.hidden = false;
    message.replaceChildren();
    byId('picker-title').textContent = screening.film.title;
    byId('picker-info').textContent = `${formatShanghaiTime(screening.startsAt)} · ${screening.hall.venue} ${screening.hall.name} · ${screening.film.runtimeMinutes} 分钟`;
    byId('picker-synopsis').textContent = screening.film.synopsis;
    // A fresh map each time: the old one's listeners go with it.
    const map = el('div', { id: 'seat-map', role: 'group', 'aria-label': '座位图：方向键移动，回车或空格选座' });
    const scroller = el('div', { class: 'hall', id: 'seat-map-scroll' }, map);
    byId('seat-map-scroll').replaceWith(scroller);
    const view = mountSeatMap(map, scroller, refresh, (can) => {
      zoomIn.disabled = !can.in;
      zoomOut.disabled = !can.out;
    });
    current = { screening, view, delay: 0 };
    refresh();
    picker.focus();
    void refreshSeats();
  }

  function close(): void {
    if (current?.timer) clearTimeout(current.timer);
    current?.view.unmount();
    current = undefined;
    picker.hidden = true;
  }

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
      picked.view.update({ rows });
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

  function windowLine(screening: Screening, state: WindowState, now: number): string {
    if (screening.allocation === 'lottery' && screening.drawAt && now < Date.parse(screening.drawAt) && state !== 'booked') {
      if (state === 'not_open') return `抽签场次，距报名开始还有 ${formatCountdown(Date.parse(screening.releaseAt) - now)}。`;
      if (state === 'open') {
        if (!store.state.signedIn) return '抽签场次，正在报名：登录后即可报名。';
        return store.state.lotteries.get(screening.id)?.entry ? '抽签场次，已报名：抽签前可以改人数或撤回。' : '抽签场次，正在报名：选好人数，点下面的按钮报名。';
      }
    }
    if (state === 'not_open') {
      const left = `距放票还有 ${formatCountdown(Date.parse(screening.releaseAt) - now)}`;
      return noonQueueState(now, Date.parse(screening.releaseAt)) === 'open'
        ? `${left}。现在排队：放票时所有排队的人统一随机分配，先到后到都一样。`
        : `${left}，可以先选好座位；放票前 ${CINEMA_RULES.noonQueueOpensMinutes} 分钟开始排队。`;
    }
    if (state === 'closed') return '本场已停止领票。';
    if (state === 'booked') return '本场由基层工会包场。';
    if (screening.available <= 0) return '座位已领完：有人退票时，候补按先后自动补位。';
    return store.state.signedIn ? '正在放票：点座位选座，或直接领最佳座位。' : '正在放票：登录后即可领票。';
  }

  function refresh(): void {
    if (!current) return;
    const now = serverNow();
    const screening = screeningNow(current);
    const state = windowState(screening, now);
    byId('picker-window').textContent = windowLine(screening, state, now);
    if (current.state === 'not_open' && state === 'open') {
      handlers.listStatus(`${screening.film.title} ${screening.allocation === 'lottery' ? '开始报名抽签' : '开始放票'}了。`);
      void refreshSeats();
    }
    current.state = state;
    lotteryPanel.render(screening, now);
    const selected = current.view.selected();
    const action = actionFor(store.state, screening, now, 'picker', selected && { id: selected.id, label: selected.label }, lotteryPanel.chosenSeats());
    drawAction(claimButton, action, !claiming && !WORDS_ONLY.has(action.kind));
  }

  claimButton.addEventListener('click', () => {
    if (!current) return;
    const screening = screeningNow(current);
    const selected = current.view.selected();
    const action = actionFor(store.state, screening, serverNow(), 'picker', selected && { id: selected.id, label: selected.label }, lotteryPanel.chosenSeats());
    if (action.kind === 'claim') void claim(action.seat);
    else if (action.kind === 'enter_lottery') void sendLottery(screening, () => handlers.enterLottery(screening, action.seats), '正在报名…');
    else if (action.kind === 'lottery_won') handlers.showTicket(screening.id);
    else if (action.kind === 'sign_in') handlers.signIn(claimButton.parentElement!);
    else if (action.kind === 'view_ticket') handlers.showTicket(screening.id);
    else if (action.kind === 'join_waitlist') void joinWaitlist(screening);
    else if (action.kind === 'join_queue') void joinQueue(screening, action.seat);
  });
  zoomIn.addEventListener('click', () => current?.view.zoom('in'));
  zoomOut.addEventListener('click', () => current?.view.zoom('out'));

  async function claim(seat: string | undefined): Promise<void> {
    if (!current || claiming) return;
    const { screening } = current;
    claiming = true;
    refresh();
    message.replaceChildren('正在领票…');
    const key = pendingClaim?.screeningId === screening.id && pendingClaim.seat === seat ? pendingClaim.key : crypto.randomUUID();
    pendingClaim = { key, seat, screeningId: screening.id };
    const answer = readClaimAnswer(
      await sendJson<{ ticket: Ticket }>('POST', `/api/screenings/${screening.id}/claims`, seat ? { seat } : {}, { 'Idempotency-Key': key }),
    );
    claiming = false;
    if (answer.kind !== 'refused' || !answer.keepKey) pendingClaim = undefined;
    if (answer.kind === 'issued') {
      const { ticket } = answer;
      keepTicket(ticket);
      const view = el('button', { type: 'button', class: 'link-button' }, '查看我的票');
      view.addEventListener('click', () => handlers.showTicket(screening.id));
      report(screening, `领票成功：${ticket.seatLabel}，票号 ${ticket.displayCode}。`, view);
    } else if (answer.kind === 'cancelled') {
      report(screening, `${answer.message}。`);
      handlers.reloadTickets();
    } else if (showing(screening)) {
      showRefusal(answer.error);
    } else {
      report(screening, `${answer.error.message}。`);
    }
    refresh();
    void refreshSeats();
  }

  function keepTicket(ticket: Ticket): void {
    store.update({ localTickets: new Map(store.state.localTickets).set(ticket.code, ticket) });
  }

  /** Whether the picker still shows this screening: it may have been closed or moved on during an await. */
  function showing(screening: Screening): boolean {
    return current?.screening.id === screening.id;
  }

  /** An answer about a screening: in the picker while it shows that screening, else in the list's status line. */
  function report(screening: Screening, text: string, ...more: Node[]): void {
    if (showing(screening)) message.replaceChildren(text, ...more);
    else handlers.listStatus(`${screening.film.title}：${text}`);
  }

  /** The list's count said seats were left; the object says none: the button turns to 加入候补. */
  function markSoldOut(screening: Screening): void {
    store.update({ screenings: store.state.screenings.map((other) => (other.id === screening.id ? { ...other, available: 0 } : other)) });
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
            const choice = el('button', { type: 'button' }, `领取 ${row}排${number}号`);
            choice.addEventListener('click', () => void claim(seat));
            choices.append(choice);
          }
          parts.push(choices);
        }
        break;
      }
      case 'sold_out':
        if (current) markSoldOut(current.screening);
        parts.push('可以点“加入候补”，有人退票时自动补位。');
        break;
      case 'lottery_not_open':
      case 'lottery_closed':
      case 'queue_not_open':
      case 'queue_closed':
        void syncServerClock();
        break;
      case 'window_not_open':
        if (typeof error.opensAt === 'string') parts.push(`${formatShanghaiTime(error.opensAt)} 开始放票。`);
        void syncServerClock();
        break;
      case 'not_signed_in':
      case 'session_expired':
      case 'session_revoked':
        store.update({ signedIn: false });
        parts.push('请登录后再领。');
        break;
      case 'already_holds_ticket':
        if (error.ticket) keepTicket(error.ticket as Ticket);
        break;
      case 'network':
      case 'busy':
      case 'rate_limited':
      case 'temporarily_unavailable':
      case 'internal_error':
        parts.push('请稍等几秒再点一次领取，不会重复领票。');
        break;
    }
    message.replaceChildren(...parts);
  }

  async function joinWaitlist(screening: Screening): Promise<void> {
    const answer = await handlers.joinWaitlist(screening);
    if (!answer.ok) return showing(screening) ? showRefusal(answer.error) : report(screening, `${answer.error.message}。`);
    report(screening, answer.text);
  }

  /** Enters, changes or withdraws a lottery entry: one request at a time, the answer where the member looks. */
  async function sendLottery(screening: Screening, send: () => Promise<LotteryAnswer>, pending: string): Promise<void> {
    if (claiming) return;
    claiming = true;
    refresh();
    message.replaceChildren(pending);
    const answer = await send();
    claiming = false;
    if (answer.ok) report(screening, answer.text);
    else if (showing(screening)) showRefusal(answer.error);
    else report(screening, `${answer.error.message}。`);
    refresh();
  }

  async function joinQueue(screening: Screening, seat: string | undefined): Promise<void> {
    claiming = true;
    refresh();
    message.replaceChildren('正在排队…');
    const answer = await handlers.joinQueue(screening, seat);
    claiming = false;
    if (answer.ok) report(screening, answer.text);
    else if (showing(screening)) showRefusal(answer.error);
    else report(screening, `${answer.error.message}。`);
    refresh();
  }

  return {
    open,
    close,
    refresh,
    report,
    reloadSeats(screeningId) {
      if (current?.screening.id === screeningId) void refreshSeats();
    },
  };
}
