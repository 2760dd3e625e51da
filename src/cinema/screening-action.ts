import { formatShanghaiDayTime } from './countdown.ts';
import { queuedMessage } from './noon-queue.ts';
import type { ClaimWindowState } from './release-window.ts';

/** What the member's screen knows about one screening when it picks the button to show. */
export interface ScreeningActionInput {
  /** The claim window as the server's clock has it now, or `booked` for a screening a union has whole. */
  state: ClaimWindowState | 'booked';
  releaseAt: string;
  available: number;
  signedIn: boolean;
  /** The seat of the member's active ticket for this screening, if they hold one (6排8号). */
  ticketSeat?: string;
  /** The member is on this screening's waitlist. */
  waitlisted: boolean;
  /** Before the release: the noon queue takes places (`open`), and this member has one (`queued`). */
  noonQueue?: 'open' | 'queued';
  /** Where the button is: a card in the list opens the picker; the picker claims. */
  where: 'list' | 'picker';
  /** In the picker: the seat the member has chosen, if any (`5-8`, 5排8号). */
  selectedSeat?: { id: string; label: string };
  /** The member is suspended for no-shows until then (ISO, a midnight in Shanghai): src/cinema/member-standing.ts. */
  suspendedUntil?: string;
  /** A lottery screening (`allocation: lottery`) until its draw is known; absent for first-come ones. */
  lottery?: LotteryActionInput;
}

/** What the button needs to know of a lottery (src/cinema/lottery-view.ts derives it from the status). */
export interface LotteryActionInput {
  drawAt: string;
  /**
   * `open`: entries are taken now (release ≤ now < drawAt); `drawing`: the draw time has come and this
   * page has not yet heard the outcome; `drawn`: it has (or the member did not enter: first-come from here).
   */
  phase: 'open' | 'drawing' | 'drawn';
  /** Seats of the member's entry, if they entered. */
  entered?: 1 | 2;
  /** In the picker: the seats chosen (一人 = 1, 带一位同伴 = 2). */
  chosenSeats?: 1 | 2;
  /** The member's outcome after the draw (a won ticket shows as `ticketSeat`). */
  outcome?: { result: 'won' } | { result: 'lost'; waitlistPosition?: number };
}

/**
 * The one button a screening offers, and how it looks: `primary` (the red button: it does the thing),
 * `quiet` (says what is coming or what is done), `none` (only words, no button).
 */
export type ScreeningAction =
  | { kind: 'booked'; label: string; look: 'none' }
  | { kind: 'closed'; label: string; look: 'none' }
  | { kind: 'view_ticket'; label: string; look: 'quiet' }
  | { kind: 'opens_at'; label: string; look: 'quiet' }
  | { kind: 'sign_in'; label: string; look: 'primary' }
  | { kind: 'join_waitlist'; label: string; look: 'primary' }
  | { kind: 'waitlisted'; label: string; look: 'quiet' }
  | { kind: 'open_picker'; label: string; look: 'primary' }
  | { kind: 'claim'; label: string; look: 'primary'; seat?: string }
  | { kind: 'join_queue'; label: string; look: 'primary'; seat?: string }
  | { kind: 'queued'; label: string; look: 'quiet' }
  | { kind: 'suspended'; label: string; look: 'none' }
  | { kind: 'lottery_opens'; label: string; look: 'quiet' }
  | { kind: 'open_lottery'; label: string; look: 'primary' }
  | { kind: 'enter_lottery'; label: string; look: 'primary'; seats: 1 | 2 }
  | { kind: 'lottery_entered'; label: string; look: 'quiet' }
  | { kind: 'lottery_drawing'; label: string; look: 'quiet' }
  | { kind: 'lottery_won'; label: string; look: 'quiet' }
  | { kind: 'lottery_lost'; label: string; look: 'quiet' };

const SEATS_WORDS = { 1: '一人', 2: '两人' } as const;

/** What a suspended member sees in place of a button that would be refused: why, and from when they may again. */
export function suspendedLabel(until: string): string {
  return `因爽约暂停领票，${formatShanghaiDayTime(until)} 起恢复`;
}

/** Buttons that ask the server for a place: a suspended member would only be refused (`403 suspended`). */
const ASKS_FOR_A_PLACE = new Set<ScreeningAction['kind']>(['open_picker', 'claim', 'join_queue', 'join_waitlist', 'open_lottery', 'enter_lottery']);

/** Before entries or claims open: a time the suspension still covers is as much a refusal. */
const OPENS_LATER = new Set<ScreeningAction['kind']>(['opens_at', 'lottery_opens']);

/**
 * The button for a screening in this state, saying what a tap will do. A ticket held wins over
 * everything (the member came back for it); then the window (not yet open, closed); then who is asking
 * (signed out); then the seats (sold out: the waitlist). In the minutes before a release the noon
 * queue takes places (join_queue, then queued). A lottery screening takes entries from the release to
 * its draw (open_lottery on the list, enter_lottery in the picker with the seats chosen, then
 * lottery_entered), and after the draw shows the outcome; a member who did not enter, or whose result
 * left seats, goes first-come as any other screening. A member suspended for no-shows sees why and
 * until when in place of any button that asks for a place.
 */
export function screeningAction(input: ScreeningActionInput): ScreeningAction {
  const action = availableAction(input);
  const until = input.suspendedUntil;
  if (!until || !input.signedIn) return action;
  // Before the release: 开抢 at a time the suspension still covers is as much a refusal.
  const refused = ASKS_FOR_A_PLACE.has(action.kind) || (OPENS_LATER.has(action.kind) && Date.parse(until) > Date.parse(input.releaseAt));
  return refused ? { kind: 'suspended', label: suspendedLabel(until), look: 'none' } : action;
}

function availableAction(input: ScreeningActionInput): ScreeningAction {
  if (input.state === 'booked') return { kind: 'booked', label: '基层工会包场，不对个人放票', look: 'none' };
  if (input.ticketSeat) return { kind: 'view_ticket', label: `已领 ${input.ticketSeat} · 查看票`, look: 'quiet' };
  if (input.state === 'closed') return { kind: 'closed', label: '已停止领票', look: 'none' };
  if (input.lottery) {
    const lotteryAction = lotteryScreeningAction(input, input.lottery);
    if (lotteryAction) return lotteryAction;
  }
  if (input.state === 'not_open') {
    if (input.noonQueue === undefined) return { kind: 'opens_at', label: `${formatShanghaiDayTime(input.releaseAt)} 开抢`, look: 'quiet' };
    if (!input.signedIn) return { kind: 'sign_in', label: '登录后排队', look: 'primary' };
    if (input.noonQueue === 'queued') return { kind: 'queued', label: queuedMessage(input.releaseAt), look: 'quiet' };
    if (input.where === 'list') return { kind: 'open_picker', label: '选座排队', look: 'primary' };
    return input.selectedSeat
      ? { kind: 'join_queue', label: `加入排队 · ${input.selectedSeat.label}`, look: 'primary', seat: input.selectedSeat.id }
      : { kind: 'join_queue', label: '加入排队', look: 'primary' };
  }
  const soldOut = input.available <= 0;
  if (!input.signedIn) return { kind: 'sign_in', label: soldOut ? '登录后加入候补' : '登录后领取', look: 'primary' };
  if (soldOut) {
    return input.waitlisted
      ? { kind: 'waitlisted', label: '候补中 · 有人退票时自动补位', look: 'quiet' }
      : { kind: 'join_waitlist', label: '加入候补', look: 'primary' };
  }
  if (input.where === 'list') return { kind: 'open_picker', label: '选座领取', look: 'primary' };
  return input.selectedSeat
    ? { kind: 'claim', label: `领取 ${input.selectedSeat.label}`, look: 'primary', seat: input.selectedSeat.id }
    : { kind: 'claim', label: '领取最佳座位', look: 'primary' };
}

/** The lottery's own button, or undefined when the screening goes first-come (the draw is past, no entry). */
function lotteryScreeningAction(input: ScreeningActionInput, lottery: LotteryActionInput): ScreeningAction | undefined {
  const drawTime = formatShanghaiDayTime(lottery.drawAt);
  if (input.state === 'not_open') return { kind: 'lottery_opens', label: `${formatShanghaiDayTime(input.releaseAt)} 开始报名抽签`, look: 'quiet' };
  if (lottery.phase === 'open') {
    if (!input.signedIn) return { kind: 'sign_in', label: '登录后报名抽签', look: 'primary' };
    // On the list the card's line already says 已报名 · N 张 and the countdown: the button says what a tap offers.
    if (input.where === 'list') {
      return lottery.entered ? { kind: 'lottery_entered', label: '已报名 · 改人数或撤回', look: 'quiet' } : { kind: 'open_lottery', label: '报名抽签', look: 'primary' };
    }
    const entered = lottery.entered && { kind: 'lottery_entered' as const, label: `已报名 · ${lottery.entered} 张 · ${drawTime} 抽签`, look: 'quiet' as const };
    const seats = lottery.chosenSeats ?? lottery.entered ?? 1;
    if (entered && seats === lottery.entered) return entered;
    return { kind: 'enter_lottery', label: `${entered ? '改为' : '报名抽签 · '}${SEATS_WORDS[seats]}`, look: 'primary', seats };
  }
  if (!lottery.entered && !lottery.outcome) return undefined;
  if (lottery.phase === 'drawing' || !lottery.outcome) return { kind: 'lottery_drawing', label: `${drawTime} 抽签 · 正在出结果`, look: 'quiet' };
  if (lottery.outcome.result === 'won') return { kind: 'lottery_won', label: '已中签 · 查看票', look: 'quiet' };
  const place = lottery.outcome.waitlistPosition;
  return place ? { kind: 'lottery_lost', label: `未中签 · 候补第 ${place} 位`, look: 'quiet' } : undefined;
}
