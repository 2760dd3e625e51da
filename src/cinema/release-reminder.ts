import { icsCalendar, type CalendarEvent, type FixedTimeZone } from './ics.ts';
import { nextReleaseWindow } from './release-window.ts';
import { CINEMA_RULES, type CinemaRules } from './rules.ts';

/** The reminder rings this long before seats are released: time to open the page and sign in. */
export const REMINDER_LEAD_MINUTES = 5;

const MINUTE = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

type ReleaseWindow = CinemaRules['releaseWindows'][number];

function reminder(release: Date, pageUrl: string): Omit<CalendarEvent, 'uid' | 'description'> {
  return {
    start: new Date(release.getTime() - REMINDER_LEAD_MINUTES * MINUTE),
    end: release,
    summary: `惠工影院${REMINDER_LEAD_MINUTES}分钟后放票`,
    location: '惠工影院在线领票',
    url: pageUrl,
    alarmMinutes: 0,
  };
}

/** The local weekday and time the reminder for a window rings (a day earlier for a window just after midnight). */
function reminderSlot(window: ReleaseWindow): { weekday: number; time: string } {
  const minutes = window.hour * 60 + window.minute - REMINDER_LEAD_MINUTES;
  const dayShift = minutes < 0 ? -1 : 0;
  const inDay = minutes - dayShift * MINUTES_PER_DAY;
  return {
    weekday: (window.weekday + dayShift + 7) % 7,
    time: `${Math.floor(inDay / 60)}:${String(inDay % 60).padStart(2, '0')}`,
  };
}

/**
 * The standing reminder: REMINDER_LEAD_MINUTES before every weekly release window, repeating weekly in
 * Shanghai time (周一、周四 11:55 under the default rules), with an alarm at the start. One event per
 * time of day, listing its weekdays, so a phone shows one series to keep or delete; its first occurrence
 * is the next one.
 *
 * @example weeklyReleaseReminder(new Date(), 'https://huigong.example.org/cinema/') // "…RRULE:FREQ=WEEKLY;BYDAY=MO,TH…"
 */
export function weeklyReleaseReminder(now: Date, pageUrl: string, rules: CinemaRules = CINEMA_RULES): string {
  const zone: FixedTimeZone = { id: CINEMA_RULES.timeZone, utcOffsetMinutes: rules.utcOffsetMinutes, abbreviation: 'CST' };
  // Grouped by hand, not Map.groupBy: older phones' browsers (WeChat's among them) lack it.
  const byTime = new Map<string, { weekdays: number[]; windows: ReleaseWindow[] }>();
  for (const window of rules.releaseWindows) {
    const slot = reminderSlot(window);
    const group = byTime.get(slot.time) ?? { weekdays: [], windows: [] };
    group.weekdays.push(slot.weekday);
    group.windows.push(window);
    byTime.set(slot.time, group);
  }
  const events = [...byTime].map(([time, group]): CalendarEvent => {
    const weekdays = [...group.weekdays].sort((a, b) => a - b);
    const releaseDays = [...group.windows].sort((a, b) => a.weekday - b.weekday).map((window) => WEEKDAY_NAMES[window.weekday]);
    const releaseTime = `${group.windows[0]!.hour}:${String(group.windows[0]!.minute).padStart(2, '0')}`;
    return {
      ...reminder(nextReleaseWindow(now, { ...rules, releaseWindows: group.windows }), pageUrl),
      // The site's host in the UID: a staging reminder must not replace the production one in a calendar.
      uid: `release-weekly-${time.replace(':', '')}@${new URL(pageUrl).host}`,
      description: `每${releaseDays.join('、')} ${releaseTime} 放票，每人每场限领一张。`,
      weekly: { weekdays, timeZone: zone },
    };
  });
  return icsCalendar(events, now);
}

/** When the weekly reminder rings, for its link: "周一、周四 11:55" under the default rules. */
export function weeklyReminderTimes(rules: CinemaRules = CINEMA_RULES): string {
  const slots = rules.releaseWindows.map(reminderSlot).sort((a, b) => a.weekday - b.weekday);
  const times = [...new Set(slots.map((slot) => slot.time))];
  return times.map((time) => `${slots.filter((slot) => slot.time === time).map((slot) => WEEKDAY_NAMES[slot.weekday]).join('、')} ${time}`).join('，');
}

/** A one-off reminder for the next release only (an editor may have moved it off the weekly windows). */
export function nextReleaseReminder(releaseAt: Date, now: Date, pageUrl: string): string {
  return icsCalendar(
    { ...reminder(releaseAt, pageUrl), uid: `release-${releaseAt.toISOString()}@${new URL(pageUrl).host}`, description: '每人每场限领一张。' },
    now,
  );
}

/** Whether a one-off reminder for `releaseAt` can still ring: its time (REMINDER_LEAD_MINUTES before) is ahead. */
export function nextReminderStillAhead(releaseAt: Date, now: Date): boolean {
  return now.getTime() < releaseAt.getTime() - REMINDER_LEAD_MINUTES * 60_000;
}
