import { formatShanghaiTime } from '../../cinema/countdown';
import { drawDataPath, drawReminder, lotteryLine } from '../../cinema/lottery-view';
import { icsLink } from './calendar-links';
import type { CinemaStore } from './cinema-state';
import { byId } from './dom';
import { serverNow } from './server-time';
import { ticketCard } from './ticket-view';
import type { Screening, Ticket } from './types';

export interface LotteryPanel {
  /** Draws the panel for the screening the picker shows (hidden for a first-come one). */
  render(screening: Screening, now: number): void;
  /** The seats the member has chosen (一人 = 1, 带一位同伴 = 2), while the choice is offered. */
  chosenSeats(): 1 | 2 | undefined;
}

export interface LotteryPanelHandlers {
  /** The seats chosen changed: the picker's button says what a tap now does. */
  changed(): void;
  withdraw(screening: Screening): void;
  /** 退票 on the guest's ticket (the member's own is in 我的票). */
  cancelGuest(screening: Screening, ticket: Ticket): void;
}

const setText = (element: HTMLElement, text: string) => {
  // Redrawn four times a second: touched only when it changes, so screen readers are not re-told.
  if (element.textContent !== text) element.textContent = text;
};

/**
 * The lottery's part of the seat picker (src/components/LotteryPanel.astro): before the draw the hall is
 * put away (no seat is chosen in a lottery: winners are seated best-available in draw order) and the
 * panel offers 一人 / 带一位同伴, the member's entry with its 抽签编号 and the countdown, the draw time as
 * an .ics and 撤回报名; after it, the result and the links to the draw's published data and 核对.
 */
export function mountLotteryPanel(store: CinemaStore, handlers: LotteryPanelHandlers): LotteryPanel {
  const panel = byId('lottery-panel');
  const line = byId('lottery-line');
  const seats = byId<HTMLFieldSetElement>('lottery-seats');
  const entryLine = byId('lottery-entry');
  const reminder = byId('lottery-reminder');
  const withdraw = byId<HTMLButtonElement>('lottery-withdraw');
  const data = byId<HTMLAnchorElement>('lottery-data');
  const hallParts = () => [document.getElementById('seat-map-scroll'), byId('seat-legend'), byId('seat-map-note'), document.querySelector<HTMLElement>('#seat-picker .zoom')];
  /** The screening and entry the panel was last drawn for: the radio follows a new entry, the .ics a new screening. */
  let drawnFor: { id: string; entrySeats?: number } | undefined;
  let shown: Screening | undefined;
  const guest = byId('lottery-guest');
  const guestTickets = byId('lottery-guest-tickets');
  let guestDrawn = '';

  seats.addEventListener('change', () => handlers.changed());
  withdraw.addEventListener('click', () => shown && handlers.withdraw(shown));

  const radio = (value: number) => seats.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;

  return {
    render(screening, now) {
      const lottery = screening.allocation === 'lottery' && screening.drawAt ? screening.drawAt : undefined;
      panel.hidden = !lottery;
      shown = lottery ? screening : undefined;
      const status = store.state.lotteries.get(screening.id);
      const beforeDraw = lottery !== undefined && now < Date.parse(lottery);
      // Before the draw there is no seat to pick; after it, the seats left go first-come on the map.
      for (const part of hallParts()) if (part) part.hidden = beforeDraw;
      if (!lottery) {
        drawnFor = undefined;
        return;
      }
      const released = now >= Date.parse(screening.releaseAt);
      setText(
        line,
        released
          ? lotteryLine(lottery, status, now)
          : `${formatShanghaiTime(screening.releaseAt)} 开始报名，${formatShanghaiTime(lottery)} 抽签。`,
      );
      const entry = status?.entry;
      const open = released && beforeDraw && store.state.signedIn;
      seats.hidden = !open;
      withdraw.hidden = !(open && entry);
      entryLine.hidden = !entry;
      if (entry) {
        setText(byId('lottery-entrant'), entry.entrant);
        setText(byId('lottery-weight'), String(entry.weight));
      }
      if (drawnFor?.id !== screening.id || drawnFor.entrySeats !== entry?.seats) {
        if (drawnFor?.id !== screening.id) {
          for (const old of reminder.querySelectorAll('a[href^="blob:"]')) URL.revokeObjectURL((old as HTMLAnchorElement).href);
          const page = new URL('/cinema/', location.href).href;
          reminder.replaceChildren(icsLink('抽签时间加入日历', `huigong-lottery-${screening.id}.ics`, drawReminder(screening, lottery, page, new Date(serverNow()))));
          data.href = drawDataPath(screening.id);
        }
        radio(entry?.seats ?? 1).checked = true;
        drawnFor = { id: screening.id, entrySeats: entry?.seats };
      }
      reminder.hidden = !beforeDraw;
      // The member's own ticket is first and shows in 我的票; the guest's only here.
      const won = status?.outcome?.result === 'won' ? status.outcome.tickets.slice(1).filter((ticket) => ticket.status === 'active') : [];
      const drawnGuest = won.map((ticket) => ticket.code).join();
      if (drawnGuest !== guestDrawn) {
        guestDrawn = drawnGuest;
        guestTickets.replaceChildren(...won.map((ticket) => ticketCard(ticket, screening.film.runtimeMinutes, (cancelled) => handlers.cancelGuest(screening, cancelled))));
      }
      guest.hidden = won.length === 0;
    },
    chosenSeats() {
      if (panel.hidden || seats.hidden) return undefined;
      return radio(2).checked ? 2 : 1;
    },
  };
}
