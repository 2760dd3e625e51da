import { api, sendJson, type ApiErrorBody } from './api';
import type { CinemaStore } from './cinema-state';
import { el } from './dom';
import type { Screening, Ticket } from './types';

/** GET /api/screenings/:id/queue (docs/api.md). */
interface QueueView {
  state: 'none' | 'queued' | 'seated' | 'waitlisted';
  message?: string;
  ticket?: Ticket | null;
  waitlistPosition?: number | null;
}

export interface NoonQueueHandlers {
  /** An answer about a screening, where the member is looking (the picker, else the list's status line). */
  report(screening: Screening, text: string, ...more: Node[]): void;
  showTicket(screeningId: string): void;
  reloadTickets(): void;
}

/**
 * The noon queue on the member's page: joining (the picker's 加入排队), then, once the release has
 * come by the server's clock, asking the screening for the outcome and showing it without a reload.
 */
export function mountNoonQueue(store: CinemaStore, handlers: NoonQueueHandlers) {
  /** Screenings whose outcome is being asked for, or will be asked again after a pause. */
  const asking = new Set<string>();
  const attempts = new Map<string, number>();

  function setQueued(screeningId: string, queued: boolean): void {
    const next = new Set(store.state.queued);
    if (queued) next.add(screeningId);
    else next.delete(screeningId);
    store.update({ queued: next });
  }

  async function join(screening: Screening, seat: string | undefined): Promise<{ ok: true; text: string } | { ok: false; error: ApiErrorBody }> {
    const result = await sendJson<{ queue: QueueView }>('POST', `/api/screenings/${screening.id}/queue`, seat ? { seat } : {});
    if (!result.ok) return result;
    setQueued(screening.id, true);
    return { ok: true, text: `${result.data.queue.message ?? '已排队'}。到时不用再点，结果会显示在这里和“我的票”里。` };
  }

  async function askOutcome(screening: Screening): Promise<void> {
    asking.add(screening.id);
    const result = await api<{ queue: QueueView }>(`/api/screenings/${screening.id}/queue`, { cache: 'no-store' });
    if (!result.ok || result.data.queue.state === 'queued') {
      // The object resolves by its own clock, which may be a moment behind ours; ask again shortly.
      const attempt = (attempts.get(screening.id) ?? 0) + 1;
      attempts.set(screening.id, attempt);
      window.setTimeout(() => asking.delete(screening.id), Math.min(8, attempt) * 1_000);
      return;
    }
    asking.delete(screening.id);
    attempts.delete(screening.id);
    setQueued(screening.id, false);
    const { ticket, waitlistPosition } = result.data.queue;
    if (ticket && ticket.status === 'active') {
      store.update({ localTickets: new Map(store.state.localTickets).set(ticket.code, ticket) });
      const view = el('button', { type: 'button', class: 'link-button' }, '查看我的票');
      view.addEventListener('click', () => handlers.showTicket(screening.id));
      handlers.report(screening, `随机分配结果：您领到了 ${ticket.seatLabel}，票号 ${ticket.displayCode}。`, view);
    } else if (waitlistPosition) {
      handlers.report(screening, `随机分配结果：座位已分完，您在候补第 ${waitlistPosition} 位，有人退票时按顺序自动补位。`);
    }
    handlers.reloadTickets();
  }

  return {
    join,
    /** On every tick: the screenings queued here whose release has come get their outcome asked for. */
    check(now: number): void {
      for (const screeningId of store.state.queued) {
        const screening = store.state.screenings.find((candidate) => candidate.id === screeningId);
        if (screening && now >= Date.parse(screening.releaseAt) && !asking.has(screeningId)) void askOutcome(screening);
      }
    },
  };
}
