// The portfolio report's gate plan as a compact timeline per procurement (issue 11 item 3): one time axis for
// the whole report (so today's line stands in the same place on every row), each gate's planned day and
// actual day on it, and a late stretch from plan to passing (or to today while a gate is overdue). Pure
// geometry in [0, 1]; the web page draws it as SVG and so does the HTML of the PDF.
import { daysBetween, firstOfMonth, type CalendarDate } from '../shared/calendar-date.js';
import { gateIds, type Gate } from './involvement.rules.js';
import type { ReportGate } from './portfolio-report.rules.js';

export interface TimelineAxis {
  from: CalendarDate;
  to: CalendarDate;
}

/** Gate numbers shown on the marks (1 = significance … 5 = award). */
export const gateNumbers = Object.fromEntries(gateIds.map((gate, index) => [gate, index + 1])) as Record<
  Gate,
  number
>;

/**
 * The axis over every planned and actual day and today, widened to whole months and to at least six months,
 * so a report with one date still has room on both sides of it.
 */
export function timelineAxis(
  gateLists: ReadonlyArray<readonly ReportGate[]>,
  today: CalendarDate,
): TimelineAxis {
  const days = [today];
  for (const gates of gateLists)
    for (const gate of gates) {
      if (gate.plannedOn) days.push(gate.plannedOn);
      if (gate.passedOn) days.push(gate.passedOn);
    }
  days.sort();
  let from = firstOfMonth(days[0]!);
  let to = firstOfMonth(days.at(-1)!, 1);
  while (daysBetween(from, to) < 182) {
    from = firstOfMonth(from, -1);
    if (daysBetween(from, to) < 182) to = firstOfMonth(to, 1);
  }
  return { from, to };
}

/** Where a day falls on the axis, 0 at its start and 1 at its end (clamped). */
export function position(axis: TimelineAxis, day: CalendarDate): number {
  const span = daysBetween(axis.from, axis.to);
  return Math.min(1, Math.max(0, daysBetween(axis.from, day) / span));
}

export interface TimelineMark {
  gate: Gate;
  number: number;
  day: CalendarDate;
  x: number;
}

export interface GateTimeline {
  planned: TimelineMark[];
  actual: TimelineMark[];
  /** Late stretches: plan → passing, or plan → today while the gate is not passed. */
  late: Array<{ gate: Gate; x1: number; x2: number; days: number }>;
  today: number;
}

export function gateTimeline(
  gates: readonly ReportGate[],
  axis: TimelineAxis,
  today: CalendarDate,
): GateTimeline {
  const mark = (gate: ReportGate, day: CalendarDate): TimelineMark => ({
    gate: gate.gate,
    number: gateNumbers[gate.gate],
    day,
    x: position(axis, day),
  });
  return {
    planned: gates.filter((gate) => gate.plannedOn).map((gate) => mark(gate, gate.plannedOn!)),
    actual: gates.filter((gate) => gate.passedOn).map((gate) => mark(gate, gate.passedOn!)),
    late: gates
      .filter((gate) => gate.daysLate > 0 && gate.plannedOn)
      .map((gate) => ({
        gate: gate.gate,
        x1: position(axis, gate.plannedOn!),
        x2: position(axis, gate.passedOn ?? today),
        days: gate.daysLate,
      })),
    today: position(axis, today),
  };
}

const quarterNames: Record<number, string> = { 4: 'apr', 7: 'jul', 10: 'okt' };

/** Ticks for the axis: each new year, or each quarter when the axis is shorter than two years. */
export function timelineTicks(axis: TimelineAxis): Array<{ day: CalendarDate; x: number; label: string }> {
  const quarterly = daysBetween(axis.from, axis.to) < 730;
  const ticks: Array<{ day: CalendarDate; x: number; label: string }> = [];
  for (let day = axis.from; day <= axis.to; day = firstOfMonth(day, 1)) {
    const month = Number(day.slice(5, 7));
    if (month === 1 || (quarterly && (month - 1) % 3 === 0))
      ticks.push({
        day,
        x: position(axis, day),
        label: month === 1 ? day.slice(0, 4) : quarterNames[month]!,
      });
  }
  return ticks;
}
