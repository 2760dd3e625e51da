import { formatCountdown, formatShanghaiTime } from './countdown.ts';
import { icsCalendar } from './ics.ts';
import type { LotteryActionInput } from './screening-action.ts';

/** The rules page (src/pages/cinema/rules/): its 抽签 and 核对 sections are linked from every lottery. */
export const CINEMA_RULES_PATH = '/cinema/rules/';

/** A draw's published data (GET …/draw, public): a member checks their line in it. */
export const drawDataPath = (screeningId: string) => `/api/screenings/${encodeURIComponent(screeningId)}/draw`;

/** What the member's page reads of GET/POST/DELETE …/lottery (docs/api.md, LotteryStatus). */
export interface LotteryStatusView {
  state: 'not_open' | 'open' | 'drawn';
  drawAt: string;
  entry?: { seats: 1 | 2; weight: number; entrant: string };
  /** `excluded`: left out of the draw, suspended when it ran (no waitlist place; the draw does not change their weight). */
  outcome?: { result: 'won'; tickets: { seatLabel: string }[] } | { result: 'lost'; waitlistPosition?: number; excluded?: 'suspended' };
}

/**
 * The lottery's part of a screening's button (src/cinema/screening-action.ts) at `now` by the server's
 * clock: entries are open until `drawAt`; after it, `drawing` until this page has the drawn status.
 * `status` is this member's, if the page has asked (signed out: none).
 */
export function lotteryActionInput(drawAt: string, status: LotteryStatusView | undefined, now: number, chosenSeats?: 1 | 2): LotteryActionInput {
  const entered = status?.entry?.seats;
  const base = { drawAt, ...(entered ? { entered } : {}), ...(chosenSeats ? { chosenSeats } : {}) };
  if (now < Date.parse(drawAt)) return { ...base, phase: 'open' };
  if (status?.state !== 'drawn') return { ...base, phase: 'drawing' };
  const outcome = status.outcome && (status.outcome.result === 'won' ? { result: 'won' as const } : status.outcome);
  return { ...base, phase: 'drawn', ...(outcome ? { outcome } : {}) };
}

/** The live line under a lottery screening: the draw time and countdown, the member's entry, or the result. */
export function lotteryLine(drawAt: string, status: LotteryStatusView | undefined, now: number): string {
  const left = Date.parse(drawAt) - now;
  const when = `抽签时间 ${formatShanghaiTime(drawAt)}`;
  const outcome = status?.state === 'drawn' ? status.outcome : undefined;
  if (outcome?.result === 'won') return `已中签：${outcome.tickets.map((ticket) => ticket.seatLabel).join('、')}`;
  if (outcome?.result === 'lost' && outcome.excluded) return '暂停领票期间，未参加抽签';
  if (outcome?.result === 'lost') return outcome.waitlistPosition ? `未中签 · 候补第 ${outcome.waitlistPosition} 位` : '未中签';
  const entry = status?.entry ? `已报名 · ${status.entry.seats} 张 · ` : '';
  if (left > 0) return `${entry}${when} · 还有 ${formatCountdown(left)}`;
  return status?.entry ? `${entry}正在出抽签结果…` : `${when}（已过）`;
}

/** The result in a sentence, as the page reports it when it arrives. */
export function lotteryOutcomeText(outcome: NonNullable<LotteryStatusView['outcome']>): string {
  if (outcome.result === 'won') {
    return `抽签结果：中签！座位 ${outcome.tickets.map((ticket) => ticket.seatLabel).join('、')}，票已在“我的票”里，不用再领。`;
  }
  if (outcome.excluded) return '抽签结果：开奖时您处于暂停领票期间，这次没有参加抽签，也不进候补。';
  return outcome.waitlistPosition
    ? `抽签结果：这次没有中签，您在候补第 ${outcome.waitlistPosition} 位，有人退票时按顺序自动补位。下次抽签您的机会更大。`
    : '抽签结果：这次没有中签。下次抽签您的机会更大。';
}

/** Polling for the draw's outcome: the first ask spread over a few seconds past the draw, then backing off. */
export const DRAW_POLL = { spreadMs: 3_000, retryMs: 1_000, maxRetryMs: 8_000 } as const;

/**
 * When to ask for the outcome next: `attempt` 0 is the first ask, at the draw plus up to `spreadMs` at
 * random (a thousand phones do not ask in the same instant); after an answer that is not yet drawn (the
 * object's clock may be a moment behind ours) or a failure, `retryMs` × attempt, up to `maxRetryMs`.
 */
export function drawPollAt(drawAt: number, attempt: number, lastAskedAt: number, random: () => number = Math.random): number {
  if (attempt === 0) return drawAt + random() * DRAW_POLL.spreadMs;
  return lastAskedAt + Math.min(DRAW_POLL.maxRetryMs, DRAW_POLL.retryMs * attempt);
}

/** The draw time as a calendar event (.ics), ringing at the draw, opening the cinema page for the result. */
export function drawReminder(screening: { id: string; film: { title: string }; startsAt: string }, drawAt: string, pageUrl: string, now: Date): string {
  const start = new Date(drawAt);
  return icsCalendar(
    {
      uid: `lottery-${screening.id}@${new URL(pageUrl).host}`,
      start,
      end: new Date(start.getTime() + 15 * 60_000),
      summary: `惠工影院抽签：${screening.film.title}`,
      location: '惠工影院在线领票',
      description: `${formatShanghaiTime(screening.startsAt)} 放映的《${screening.film.title}》抽签出结果。中签的票会自动出现在“我的票”里。`,
      url: pageUrl,
      alarmMinutes: 0,
    },
    now,
  );
}
