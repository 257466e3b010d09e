import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, serializeCalendar, type CalendarEvent } from './icalendar.rules.js';

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'm1@styringsportalen.no',
  sequence: 0,
  startsAt: new Date('2026-09-15T08:00:00Z'),
  endsAt: new Date('2026-09-15T10:00:00Z'),
  summary: 'Styringsgruppe KIR: Møte, høst; nr. 3',
  description: 'Linje 1\nLinje 2',
  location: 'Teams',
  cancelled: false,
  lastModified: new Date('2026-06-01T12:00:00Z'),
  ...overrides,
});
const stamp = new Date('2026-06-15T09:00:00Z');

describe('iCalendar serialisation', () => {
  it('formats UTC times and escapes text', () => {
    expect(formatUtc(new Date('2026-09-15T08:00:00.000Z'))).toBe('20260915T080000Z');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'æ'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('is read back by an independent parser with the same fields', () => {
    const text = serializeCalendar({ name: 'KIR', method: 'PUBLISH', stamp, events: [event()] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    const parsed = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT');
    expect(parsed).toHaveLength(1);
    const vevent = parsed[0] as ical.VEvent;
    expect(vevent.uid).toBe('m1@styringsportalen.no');
    expect(vevent.summary).toBe('Styringsgruppe KIR: Møte, høst; nr. 3');
    expect(vevent.description).toBe('Linje 1\nLinje 2');
    expect(vevent.start.toISOString()).toBe('2026-09-15T08:00:00.000Z');
    expect(vevent.status).toBe('CONFIRMED');
    expect(Number(vevent.sequence)).toBe(0);
  });

  it('marks a cancelled event, and every event of a METHOD:CANCEL object, as CANCELLED', () => {
    const feed = serializeCalendar({
      name: 'KIR',
      method: 'PUBLISH',
      stamp,
      events: [event({ cancelled: true, sequence: 2 })],
    });
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed).toContain('SEQUENCE:2');
    const cancel = serializeCalendar({ name: 'KIR', method: 'CANCEL', stamp, events: [event()] });
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('STATUS:CANCELLED');
  });

  it('lists organizer and attendees for an invitation', () => {
    const text = serializeCalendar({
      name: 'KIR',
      method: 'REQUEST',
      stamp,
      events: [
        event({
          organizer: { name: 'Sekretariatet', email: 'post@example.no' },
          attendees: [{ name: 'Kari', email: 'kari@example.no' }],
        }),
      ],
    });
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('ORGANIZER;CN="Sekretariatet":mailto:post@example.no');
    expect(text.replace(/\r\n /g, '')).toContain('mailto:kari@example.no');
  });
});
