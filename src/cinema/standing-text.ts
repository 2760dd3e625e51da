import { formatShanghaiTime } from './countdown.ts';
import type { Standing, StrikeView } from './member-standing.ts';
import { CINEMA_RULES } from './rules.ts';

/** 2027年2月7日, the Shanghai date of an instant (a suspension's end, a strike's expiry). */
export function formatShanghaiDate(iso: string): string {
  const local = new Date(Date.parse(iso) + CINEMA_RULES.utcOffsetMinutes * 60_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

const KIND_TEXT: Record<StrikeView['kind'], string> = {
  no_show: `开场 ${CINEMA_RULES.strikes.noShowAfterMinutes} 分钟后仍未入场`,
  late_cancel: `开场前 ${CINEMA_RULES.strikes.lateCancelHours} 小时内退票`,
};

/** The 我的信用 section as lines of Chinese: a summary, the suspension if any, and each strike still listed. */
export interface StandingText {
  summary: string;
  suspension?: string;
  strikes: { what: string; state: string }[];
}

/**
 * What a member reads about their standing. Expired strikes are left out (they no longer matter); a
 * cleared one stays with the reason until it would have expired, so the member sees it was taken back.
 */
export function standingText(standing: Standing): StandingText {
  const { threshold, windowDays, suspensionDays } = CINEMA_RULES.strikes;
  const listed = standing.strikes.filter((strike) => strike.status !== 'expired');
  const summary =
    listed.length === 0
      ? `没有爽约记录。${windowDays} 天内累计 ${threshold} 次爽约将暂停领票 ${suspensionDays} 天。`
      : `${windowDays} 天内有效的爽约：${standing.points} 次（满 ${threshold} 次暂停领票 ${suspensionDays} 天）。`;
  return {
    summary,
    ...(standing.suspended
      ? {
          suspension: `因 ${windowDays} 天内爽约累计 ${threshold} 次，暂停领票、排队和抽签，${formatShanghaiDate(standing.suspended.until)} 0:00 起恢复（北京时间）。`,
        }
      : {}),
    strikes: listed.map((strike) => ({
      what: `${formatShanghaiTime(strike.at)} · ${KIND_TEXT[strike.kind]} · ${strike.points} 次`,
      state:
        strike.status === 'cleared'
          ? `已撤销：${strike.cleared?.reason ?? ''}`
          : strike.status === 'used'
            ? `已计入暂停，${formatShanghaiDate(strike.expiresAt)}到期`
            : `${formatShanghaiDate(strike.expiresAt)}到期`,
    })),
  };
}
