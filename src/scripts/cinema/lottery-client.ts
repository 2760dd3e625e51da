import { drawPollAt, lotteryOutcomeText } from '../../cinema/lottery-view';
import { api, sendJson, type ApiErrorBody } from './api';
import type { CinemaStore } from './cinema-state';
import { el } from './dom';
import type { LotteryStatus, Screening, Ticket } from './types';

export interface LotteryHandlers {
  /** An answer about a screening, where the member is looking (the picker, else the list's status line). */
  report(screening: Screening, text: string, ...more: Node[]): void;
  showTicket(screeningId: string): void;
  reloadTickets(): void;
}

export type LotteryAnswer = { ok: true; text: string } | { ok: false; error: ApiErrorBody };

/** A lottery drawn longer ago than this is not asked about on load: its tickets are in 我的票 by then. */
const RECENT_DRAW_MS = 24 * 3_600_000;

const isLottery = (screening: Screening): screening is Screening & { drawAt: string } => screening.allocation === 'lottery' && Boolean(screening.drawAt);

/**
 * The lottery on the member's page (docs/api.md, …/lottery): the member's status in each lottery on the
 * list, entering, changing and withdrawing, and, once the draw time has come by the server's clock, asking
 * for the outcome until it is drawn and showing it without a reload (as the noon queue does at release).
 */
export function mountLottery(store: CinemaStore, handlers: LotteryHandlers) {
  /** Per screening whose outcome is awaited: how many times asked, when last, whether a request is out. */
  const polls = new Map<string, { attempt: number; lastAskedAt: number; dueAt?: number; asking: boolean }>();

  function keep(status: LotteryStatus): void {
    const lotteries = new Map(store.state.lotteries).set(status.screeningId, status);
    // The member's own ticket (first) joins 我的票; a guest's shows in the lottery panel (not in GET /api/me/tickets).
    const won = status.outcome?.result === 'won' ? status.outcome.tickets.slice(0, 1) : [];
    const localTickets = won.length > 0 ? new Map([...store.state.localTickets, ...won.map((ticket) => [ticket.code, ticket] as const)]) : store.state.localTickets;
    store.update({ lotteries, localTickets });
  }

  /** Asks for this member's status in every lottery still to be drawn or drawn lately (on sign-in and load). */
  async function load(now: number): Promise<void> {
    const wanted = store.state.screenings.filter((screening) => isLottery(screening) && Date.parse(screening.drawAt) > now - RECENT_DRAW_MS);
    const answers = await Promise.all(wanted.map((screening) => api<{ lottery: LotteryStatus }>(`/api/screenings/${screening.id}/lottery`, { cache: 'no-store' })));
    const lotteries = new Map(store.state.lotteries);
    for (const answer of answers) if (answer.ok) lotteries.set(answer.data.lottery.screeningId, answer.data.lottery);
    store.update({ lotteries });
  }

  async function enter(screening: Screening, seats: 1 | 2): Promise<LotteryAnswer> {
    const changing = store.state.lotteries.get(screening.id)?.entry !== undefined;
    const result = await sendJson<{ lottery: LotteryStatus }>('POST', `/api/screenings/${screening.id}/lottery`, { seats });
    if (!result.ok) return result;
    keep(result.data.lottery);
    const entered = result.data.lottery.entry?.seats ?? seats;
    return { ok: true, text: `${changing ? '已改为' : '已报名'} ${entered} 张。到时不用再点，结果会显示在这里。` };
  }

  async function withdraw(screening: Screening): Promise<LotteryAnswer> {
    const result = await api<{ lottery: LotteryStatus }>(`/api/screenings/${screening.id}/lottery`, { method: 'DELETE' });
    if (!result.ok) return result;
    keep(result.data.lottery);
    return { ok: true, text: '已撤回报名。抽签前还可以重新报名。' };
  }

  /** 退票 on the guest's ticket of a pair that won; the status is asked again so the panel drops it. */
  async function cancelGuest(screening: Screening, ticket: Ticket): Promise<LotteryAnswer> {
    const result = await api<{ ticket: Ticket }>(`/api/screenings/${screening.id}/tickets/${ticket.code}`, { method: 'DELETE' });
    if (!result.ok) return result;
    const status = await api<{ lottery: LotteryStatus }>(`/api/screenings/${screening.id}/lottery`, { cache: 'no-store' });
    if (status.ok) keep(status.data.lottery);
    handlers.reloadTickets();
    return { ok: true, text: `已退掉同伴的票（${ticket.seatLabel}）。` };
  }

  async function askOutcome(screening: Screening & { drawAt: string }, now: number): Promise<void> {
    const poll = polls.get(screening.id) ?? { attempt: 0, lastAskedAt: now, asking: false };
    poll.asking = true;
    polls.set(screening.id, poll);
    const result = await api<{ lottery: LotteryStatus }>(`/api/screenings/${screening.id}/lottery`, { cache: 'no-store' });
    poll.asking = false;
    poll.attempt += 1;
    poll.lastAskedAt = now;
    poll.dueAt = undefined;
    if (!result.ok || result.data.lottery.state !== 'drawn') return;
    polls.delete(screening.id);
    const { lottery } = result.data;
    keep(lottery);
    if (lottery.outcome) {
      const more: Node[] = [];
      if (lottery.outcome.result === 'won') {
        const view = el('button', { type: 'button', class: 'link-button' }, '查看我的票');
        view.addEventListener('click', () => handlers.showTicket(screening.id));
        more.push(view);
      }
      handlers.report(screening, lotteryOutcomeText(lottery.outcome), ...more);
    }
    handlers.reloadTickets();
  }

  return {
    load,
    enter,
    withdraw,
    cancelGuest,
    /** On every tick: an entry whose draw time has come gets its outcome asked for, spread and backing off. */
    check(now: number): void {
      if (!store.state.signedIn) return;
      for (const [screeningId, status] of store.state.lotteries) {
        if (!status.entry || status.state === 'drawn') continue;
        const screening = store.state.screenings.find((candidate) => candidate.id === screeningId);
        if (!screening || !isLottery(screening)) continue;
        const drawAt = Date.parse(screening.drawAt);
        if (now < drawAt) continue;
        const poll = polls.get(screeningId) ?? { attempt: 0, lastAskedAt: 0, asking: false };
        polls.set(screeningId, poll);
        poll.dueAt ??= drawPollAt(drawAt, poll.attempt, poll.lastAskedAt);
        if (!poll.asking && now >= poll.dueAt) void askOutcome(screening, now);
      }
    },
  };
}
