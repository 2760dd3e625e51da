/** A time zone with one offset all year (Asia/Shanghai since 1991): one VTIMEZONE with one STANDARD part. */
export interface FixedTimeZone {
  id: string;
  utcOffsetMinutes: number;
  abbreviation: string;
}

/** A calendar event (RFC 5545) for the screening itself or for the release windows. */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** The page to open from the event (the cinema page, to sign in and claim). */
  url?: string;
  /** Minutes before the start to remind; 0 reminds at the start. */
  alarmMinutes?: number;
  /**
   * Repeats every week on these weekdays (0 = Sunday … 6 = Saturday) at the start's local time in
   * `timeZone`. Written with TZID and a VTIMEZONE: a UTC start would drift by the zone's offset on
   * phones that expand the rule in UTC, and a floating one would follow the phone's own zone.
   */
  weekly?: { weekdays: readonly number[]; timeZone: FixedTimeZone };
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

function icsTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The wall-clock time in a fixed-offset zone, without the Z (RFC 5545 "local time with TZID"). */
function icsLocalTime(date: Date, zone: FixedTimeZone): string {
  return icsTime(new Date(date.getTime() + zone.utcOffsetMinutes * 60_000)).replace(/Z$/, '');
}

function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF and a space, without splitting a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (encoder.encode(current + ch).length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function timeZoneLines(zone: FixedTimeZone): string[] {
  const offset = utcOffset(zone.utcOffsetMinutes);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone.id}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${zone.abbreviation}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

function eventLines(event: CalendarEvent, now: Date): string[] {
  const zone = event.weekly?.timeZone;
  const time = (name: string, date: Date) => (zone ? `${name};TZID=${zone.id}:${icsLocalTime(date, zone)}` : `${name}:${icsTime(date)}`);
  const alarm = event.alarmMinutes === undefined ? [] : [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(event.summary)}`,
    `TRIGGER:${event.alarmMinutes === 0 ? 'PT0S' : `-PT${event.alarmMinutes}M`}`,
    'END:VALARM',
  ];
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsTime(now)}`,
    time('DTSTART', event.start),
    time('DTEND', event.end),
    ...(event.weekly ? [`RRULE:FREQ=WEEKLY;BYDAY=${event.weekly.weekdays.map((day) => BYDAY[day]).join(',')}`] : []),
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    ...alarm,
    'END:VEVENT',
  ];
}

/** The .ics file for one event or several, with alarms where asked and the time zones their rules use. */
export function icsCalendar(events: CalendarEvent | readonly CalendarEvent[], now: Date): string {
  const list = Array.isArray(events) ? (events as readonly CalendarEvent[]) : [events as CalendarEvent];
  const zones = new Map(list.flatMap((event) => (event.weekly ? [[event.weekly.timeZone.id, event.weekly.timeZone] as const] : [])));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//huigong//cinema//ZH',
    'CALSCALE:GREGORIAN',
    ...[...zones.values()].flatMap(timeZoneLines),
    ...list.flatMap((event) => eventLines(event, now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
