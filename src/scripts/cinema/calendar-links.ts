import { formatShanghaiTime } from '../../cinema/countdown';
import { nextReleaseReminder, nextReminderStillAhead, REMINDER_LEAD_MINUTES, weeklyReleaseReminder, weeklyReminderTimes } from '../../cinema/release-reminder';
import { isWeChatBrowser } from '../../cinema/wechat';
import { el } from './dom';
import { serverNow } from './server-time';

/** WeChat's in-app browser blocks downloads: an .ics link there would do nothing when tapped. */
export const OPEN_IN_BROWSER = '点右上角，在浏览器打开';

const inWeChat = () => isWeChatBrowser(navigator.userAgent);

/** An .ics download link for a calendar, or, inside WeChat, what to do instead. */
export function icsLink(text: string, filename: string, ics: string): HTMLElement {
  if (inWeChat()) return el('span', { class: 'open-in-browser' }, `${text}：${OPEN_IN_BROWSER}`);
  const link = el('a', { class: 'button-link', download: filename }, text);
  link.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  return link;
}

/**
 * Fills `#release-reminder` with two choices: the standing weekly reminder and one for the next release
 * only (`nextReleaseAt`, which an editor may have moved). Inside WeChat, one line saying how to get them.
 */
export function showReleaseReminders(nextReleaseAt: string): void {
  const container = document.getElementById('release-reminder');
  if (!container) return;
  container.hidden = false;
  if (inWeChat()) {
    container.replaceChildren(el('span', { class: 'open-in-browser' }, `微信里不能添加日历提醒：${OPEN_IN_BROWSER}，再添加放票提醒。`));
    return;
  }
  const now = new Date(serverNow());
  const page = new URL('/cinema/', location.href).href;
  for (const old of container.querySelectorAll('a[href^="blob:"]')) URL.revokeObjectURL((old as HTMLAnchorElement).href);
  const releaseAt = new Date(nextReleaseAt);
  container.replaceChildren(
    icsLink(`每${weeklyReminderTimes()} 提醒我`, 'huigong-release-reminder.ics', weeklyReleaseReminder(now, page)),
    // Between 11:55 and the release a one-off reminder would be for a time already gone.
    ...(nextReminderStillAhead(releaseAt, now)
      ? [
          icsLink(
            `只提醒下次（${formatShanghaiTime(new Date(releaseAt.getTime() - REMINDER_LEAD_MINUTES * 60_000).toISOString())}）`,
            'huigong-next-release.ics',
            nextReleaseReminder(releaseAt, now, page),
          ),
        ]
      : []),
  );
}
