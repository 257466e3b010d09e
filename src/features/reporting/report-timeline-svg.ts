// The gate timeline of one procurement as an SVG string for the HTML of the PDF: planned days as rings, actual
// days as dots (each with its gate number), late stretches in red, today's line. Geometry from
// domain/gate-timeline.rules.ts, the same as the web page's. Pure.
import type { GateTimeline } from '../../domain/gate-timeline.rules.js';
import { gateLabels } from '../../domain/involvement.rules.js';
import { norwegianDate } from './report-format.js';

const WIDTH = 240;
const HEIGHT = 36;
const PAD = 6;
const x = (position: number) => (PAD + position * (WIDTH - 2 * PAD)).toFixed(1);
const escapeXml = (value: string) =>
  value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function renderTimelineSvg(
  timeline: GateTimeline,
  ticks: ReadonlyArray<{ x: number; label: string }>,
): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="62mm" height="9.3mm" role="img">`,
    ...ticks.map(
      (tick) =>
        `<line x1="${x(tick.x)}" x2="${x(tick.x)}" y1="2" y2="28" stroke="#d5dde3" stroke-width="0.6"/><text x="${x(tick.x)}" y="35" font-size="6" text-anchor="middle" fill="#555">${escapeXml(tick.label)}</text>`,
    ),
    `<line x1="${x(0)}" x2="${x(1)}" y1="16" y2="16" stroke="#9aa9b5" stroke-width="0.6"/>`,
    ...timeline.late.map(
      (stretch) =>
        `<line x1="${x(stretch.x1)}" x2="${x(stretch.x2)}" y1="16" y2="16" stroke="#b00020" stroke-width="2.4"><title>${escapeXml(`${gateLabels[stretch.gate]}: ${stretch.days} dager forsinket`)}</title></line>`,
    ),
    `<line x1="${x(timeline.today)}" x2="${x(timeline.today)}" y1="0" y2="30" stroke="#b00020" stroke-width="0.8" stroke-dasharray="2 1.5"/>`,
    ...timeline.planned.map(
      (mark) =>
        `<g><title>${escapeXml(`${gateLabels[mark.gate]}: planlagt ${norwegianDate(mark.day)}`)}</title><circle cx="${x(mark.x)}" cy="9" r="4.2" fill="#fff" stroke="#003b5c" stroke-width="1"/><text x="${x(mark.x)}" y="11.2" font-size="6" text-anchor="middle" fill="#003b5c">${mark.number}</text></g>`,
    ),
    ...timeline.actual.map(
      (mark) =>
        `<g><title>${escapeXml(`${gateLabels[mark.gate]}: passert ${norwegianDate(mark.day)}`)}</title><circle cx="${x(mark.x)}" cy="23" r="4.2" fill="#003b5c"/><text x="${x(mark.x)}" y="25.2" font-size="6" text-anchor="middle" fill="#fff">${mark.number}</text></g>`,
    ),
    '</svg>',
  ];
  return parts.join('');
}
