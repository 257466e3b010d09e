// iCalendar (RFC 5545) serialisation of meetings: pure, no I/O. Feeds use METHOD:PUBLISH and keep a
// cancelled meeting as STATUS:CANCELLED; an e-mailed invitation is METHOD:REQUEST, a cancellation METHOD:CANCEL.

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarEvent {
  /** Stable for the life of the meeting: a move or a cancellation keeps it. */
  uid: string;
  /** Incremented on every change that matters to attendees (time, place, cancellation). */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  cancelled: boolean;
  lastModified: Date;
  organizer?: { name: string; email: string } | null;
  attendees?: Array<{ name: string; email: string }>;
}

export interface Calendar {
  name: string;
  method: CalendarMethod;
  events: CalendarEvent[];
  /** DTSTAMP: when this calendar object was produced. */
  stamp: Date;
}

/** 20260915T080000Z */
export function formatUtc(value: Date): string {
  return value
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const quoteParam = (value: string) => `"${value.replace(/["\r\n]/g, '')}"`;

function eventLines(event: CalendarEvent, method: CalendarMethod, stamp: Date): string[] {
  const cancelled = event.cancelled || method === 'CANCEL';
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(stamp)}`,
    `DTSTART:${formatUtc(event.startsAt)}`,
    `DTEND:${formatUtc(event.endsAt)}`,
    `LAST-MODIFIED:${formatUtc(event.lastModified)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.organizer)
    lines.push(`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`);
  for (const attendee of event.attendees ?? [])
    lines.push(
      `ATTENDEE;CN=${quoteParam(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${attendee.email}`,
    );
  lines.push('END:VEVENT');
  return lines;
}

/** The whole VCALENDAR object with CRLF line endings, as served to Outlook/Teams or attached to mail. */
export function serializeCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sykehusinnkjøp HF//Styringsportalen//NO',
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'X-WR-TIMEZONE:Europe/Oslo',
    ...calendar.events.flatMap((event) => eventLines(event, calendar.method, calendar.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
