import { describe, expect, it } from 'vitest';
import { nextReleaseReminder, nextReminderStillAhead, weeklyReleaseReminder, weeklyReminderTimes } from '../../src/cinema/release-reminder';
import { CINEMA_RULES } from '../../src/cinema/rules';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  children: Component[];
}

/**
 * Reads an .ics file as RFC 5545 writes it, failing on what phones choke on: lines not ended by CRLF,
 * physical lines over 75 octets, unbalanced BEGIN/END. Returns the VCALENDAR component.
 */
function readIcs(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const root: Component = { name: '', properties: [], children: [] };
  const stack = [root];
  for (const line of logical) {
    const match = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, name, rawParams, value] = match!;
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const child: Component = { name: value!, properties: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(top.name).toBe(value);
      stack.pop();
    } else {
      const params = Object.fromEntries(rawParams!.split(';').slice(1).map((param) => param.split('=') as [string, string]));
      top.properties.push({ name: name!, params, value: value! });
    }
  }
  expect(stack).toEqual([root]);
  expect(root.children.map((child) => child.name)).toEqual(['VCALENDAR']);
  return root.children[0]!;
}

const one = (component: Component, name: string): Property => {
  const found = component.properties.filter((property) => property.name === name);
  expect(found, `${component.name} has one ${name}`).toHaveLength(1);
  return found[0]!;
};
const components = (component: Component, name: string) => component.children.filter((child) => child.name === name);

/** The structure RFC 5545 requires of a calendar of events with alarms: what a phone's import checks. */
function expectValidCalendar(calendar: Component): void {
  expect(one(calendar, 'VERSION').value).toBe('2.0');
  expect(one(calendar, 'PRODID').value).not.toBe('');
  const zones = new Set(components(calendar, 'VTIMEZONE').map((zone) => one(zone, 'TZID').value));
  const events = components(calendar, 'VEVENT');
  expect(events.length).toBeGreaterThan(0);
  expect(new Set(events.map((event) => one(event, 'UID').value)).size).toBe(events.length);
  for (const event of events) {
    expect(one(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
    for (const name of ['DTSTART', 'DTEND']) {
      const time = one(event, name);
      if (time.params.TZID) {
        expect(zones.has(time.params.TZID)).toBe(true);
        expect(time.value).toMatch(/^\d{8}T\d{6}$/);
      } else {
        expect(time.value).toMatch(/^\d{8}T\d{6}Z$/);
      }
    }
    for (const alarm of components(event, 'VALARM')) {
      expect(one(alarm, 'ACTION').value).toBe('DISPLAY');
      expect(one(alarm, 'DESCRIPTION').value).not.toBe('');
      expect(one(alarm, 'TRIGGER').value).toMatch(/^-?P(T\d+[HMS])+$/);
    }
  }
}

/** The instants a weekly BYDAY rule in a fixed-offset zone gives in the `days` from its start. */
function weeklyOccurrences(event: Component, offsetMinutes: number, days: number): string[] {
  const start = one(event, 'DTSTART').value;
  const byDay = /^FREQ=WEEKLY;BYDAY=([A-Z,]+)$/.exec(one(event, 'RRULE').value)![1]!.split(',');
  const [, y, mo, d, h, mi] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)00$/.exec(start)!.map(Number);
  const first = Date.UTC(y!, mo! - 1, d!, h!, mi!) - offsetMinutes * 60_000;
  const names = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  return Array.from({ length: days }, (_, i) => first + i * 86_400_000)
    .filter((instant) => byDay.includes(names[new Date(instant + offsetMinutes * 60_000).getUTCDay()]!))
    .map((instant) => new Date(instant).toISOString());
}

// Tuesday 1 December 2026, 10:00 in Shanghai.
const now = new Date('2026-12-01T02:00:00Z');
const page = 'https://huigong.example.org/cinema/';

describe('weeklyReleaseReminder', () => {
  const calendar = readIcs(weeklyReleaseReminder(now, page));

  it('is one valid RFC 5545 calendar: CRLF lines folded at 75 octets, a UID and DTSTAMP per event', () => {
    expectValidCalendar(calendar);
  });

  it('rings every Monday and Thursday at 11:55 Shanghai time, from the next one, with an alarm at the start', () => {
    const [event, ...more] = components(calendar, 'VEVENT');
    expect(more).toEqual([]);
    expect(one(event!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Asia/Shanghai' }, value: '20261203T115500' });
    expect(one(event!, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Asia/Shanghai' }, value: '20261203T120000' });
    expect(one(event!, 'RRULE').value).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(one(components(event!, 'VALARM')[0]!, 'TRIGGER').value).toBe('PT0S');
    expect(one(event!, 'URL').value).toBe(page);
    expect(one(event!, 'DESCRIPTION').value).toBe('每周一、周四 12:00 放票，每人每场限领一张。');
    expect(weeklyOccurrences(event!, 8 * 60, 14)).toEqual([
      '2026-12-03T03:55:00.000Z',
      '2026-12-07T03:55:00.000Z',
      '2026-12-10T03:55:00.000Z',
      '2026-12-14T03:55:00.000Z',
    ]);
  });

  it('names its time zone in a VTIMEZONE at UTC+8 all year, so phones in any zone ring at 11:55 in Shanghai', () => {
    const [zone, ...more] = components(calendar, 'VTIMEZONE');
    expect(more).toEqual([]);
    expect(one(zone!, 'TZID').value).toBe('Asia/Shanghai');
    const [standard] = components(zone!, 'STANDARD');
    expect([one(standard!, 'TZOFFSETFROM').value, one(standard!, 'TZOFFSETTO').value]).toEqual(['+0800', '+0800']);
    expect(one(standard!, 'DTSTART').value).toMatch(/^\d{8}T\d{6}$/);
  });

  it('keeps the same UID from one download to the next, so importing it again updates the reminder', () => {
    const later = readIcs(weeklyReleaseReminder(new Date('2026-12-20T02:00:00Z'), page));
    expect(one(components(later, 'VEVENT')[0]!, 'UID').value).toBe(one(components(calendar, 'VEVENT')[0]!, 'UID').value);
  });

  it("names the site in the UID, so staging's reminder does not replace production's", () => {
    const staging = readIcs(weeklyReleaseReminder(now, 'https://staging.huigong.example.org/cinema/'));
    const uid = (ics: typeof calendar) => one(components(ics, 'VEVENT')[0]!, 'UID').value;
    expect(uid(calendar)).toMatch(/@huigong\.example\.org$/);
    expect(uid(staging)).toMatch(/@staging\.huigong\.example\.org$/);
  });

  it('moves a reminder before a release just after midnight to the day before', () => {
    const rules = { ...CINEMA_RULES, releaseWindows: [{ weekday: 1, hour: 0, minute: 2 }] };
    const [event] = components(readIcs(weeklyReleaseReminder(now, page, rules)), 'VEVENT');
    expect(one(event!, 'RRULE').value).toBe('FREQ=WEEKLY;BYDAY=SU');
    expect(one(event!, 'DTSTART').value).toBe('20261206T235700');
  });
});

describe('nextReleaseReminder', () => {
  it('is a valid one-off event five minutes before the given release, in UTC, with an alarm at the start', () => {
    const calendar = readIcs(nextReleaseReminder(new Date('2026-12-03T04:00:00Z'), now, page));
    expectValidCalendar(calendar);
    const [event] = components(calendar, 'VEVENT');
    expect(one(event!, 'DTSTART').value).toBe('20261203T035500Z');
    expect(one(event!, 'DTEND').value).toBe('20261203T040000Z');
    expect(event!.properties.some((property) => property.name === 'RRULE')).toBe(false);
    expect(components(calendar, 'VTIMEZONE')).toEqual([]);
    expect(one(components(event!, 'VALARM')[0]!, 'TRIGGER').value).toBe('PT0S');
  });
});

describe('weeklyReminderTimes', () => {
  it('says when the weekly reminder rings, for its link', () => {
    expect(weeklyReminderTimes()).toBe('周一、周四 11:55');
    expect(weeklyReminderTimes({ ...CINEMA_RULES, releaseWindows: [{ weekday: 4, hour: 12, minute: 0 }, { weekday: 2, hour: 9, minute: 30 }] })).toBe(
      '周二 9:25，周四 11:55',
    );
  });
});

describe('nextReminderStillAhead', () => {
  const release = new Date('2026-12-03T12:00:00+08:00');
  it('offers the one-off until its 11:55 has come', () => {
    expect(nextReminderStillAhead(release, new Date('2026-12-03T11:54:59+08:00'))).toBe(true);
    expect(nextReminderStillAhead(release, new Date('2026-12-03T11:55:00+08:00'))).toBe(false);
    expect(nextReminderStillAhead(release, new Date('2026-12-03T11:59:00+08:00'))).toBe(false);
  });
});
