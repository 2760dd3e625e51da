import type { Standing } from '../../cinema/member-standing';
import { ticketsToShow } from '../../cinema/my-tickets';
import { noonQueueState } from '../../cinema/noon-queue';
import { claimWindowState } from '../../cinema/release-window';
import { screeningAction, type ScreeningAction, type ScreeningActionInput } from '../../cinema/screening-action';
import { lotteryActionInput } from '../../cinema/lottery-view';
import type { LotteryStatus, Screening, Ticket, WaitlistPlace } from './types';

/** Everything the cinema page knows, in one place; the list, the picker and 我的票 are drawn from it. */
export interface CinemaState {
  screenings: Screening[];
  nextReleaseAt?: string;
  signedIn: boolean;
  serverTickets: Ticket[];
  /** Tickets claimed or cancelled on this page: KV may take a moment to show them. */
  localTickets: Map<string, Ticket>;
  waitlist: WaitlistPlace[];
  /** Screenings whose noon queue this member joined on this page, until the release tells the outcome. */
  queued: Set<string>;
  /** The member's strikes and any suspension (我的信用, standing-panel.ts), once read. */
  standing?: Standing;
  /** This member's status in each lottery the page has asked about (signed in only). */
  lotteries: Map<string, LotteryStatus>;
}

export interface CinemaStore {
  readonly state: CinemaState;
  update(change: Partial<CinemaState>): void;
  /** Called after every update. */
  subscribe(listener: (state: CinemaState) => void): void;
}

export function createCinemaStore(): CinemaStore {
  const state: CinemaState = { screenings: [], signedIn: false, serverTickets: [], localTickets: new Map(), waitlist: [], queued: new Set(), lotteries: new Map() };
  const listeners: ((state: CinemaState) => void)[] = [];
  return {
    state,
    update(change) {
      Object.assign(state, change);
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.push(listener);
    },
  };
}

export type WindowState = Screening['state'];

/** The screening's claim window by the server's clock now (the list's `state` was true when it was read). */
export function windowState(screening: Screening, now: number): WindowState {
  if (screening.booking) return 'booked';
  return claimWindowState(now, { releaseAt: Date.parse(screening.releaseAt), closesAt: Date.parse(screening.closesAt) });
}

/** The tickets 我的票 shows: the server's list with this page's newer copies over it. */
export function shownTickets(state: CinemaState, now: number): Ticket[] {
  return ticketsToShow(state.serverTickets, state.localTickets, now);
}

/** The member's active ticket for a screening, if they hold one. */
export function heldTicket(state: CinemaState, screeningId: string, now: number): Ticket | undefined {
  return shownTickets(state, now).find((ticket) => ticket.screening.id === screeningId && ticket.status === 'active');
}

/** The button a screening offers this member now (src/cinema/screening-action.ts decides). */
export function actionFor(
  state: CinemaState,
  screening: Screening,
  now: number,
  where: ScreeningActionInput['where'],
  selectedSeat?: ScreeningActionInput['selectedSeat'],
  chosenSeats?: 1 | 2,
): ScreeningAction {
  const window = windowState(screening, now);
  const queueOpen = window === 'not_open' && screening.allocation !== 'lottery' && noonQueueState(now, Date.parse(screening.releaseAt)) === 'open';
  return screeningAction({
    state: window,
    releaseAt: screening.releaseAt,
    available: screening.available,
    signedIn: state.signedIn,
    ticketSeat: heldTicket(state, screening.id, now)?.seatLabel,
    waitlisted: state.waitlist.some((place) => place.screeningId === screening.id),
    ...(queueOpen ? { noonQueue: state.queued.has(screening.id) ? 'queued' : 'open' } : {}),
    where,
    selectedSeat,
    ...(suspendedAt(state, now) ? { suspendedUntil: state.standing!.suspended!.until } : {}),
    ...(screening.allocation === 'lottery' && screening.drawAt
      ? { lottery: lotteryActionInput(screening.drawAt, state.lotteries.get(screening.id), now, chosenSeats) }
      : {}),
  });
}

/** Whether the member's suspension, as last read, still runs by the server's clock. */
function suspendedAt(state: CinemaState, now: number): boolean {
  const until = state.standing?.suspended?.until;
  return until !== undefined && Date.parse(until) > now;
}
