// The gate plan of one procurement as a compact timeline: planned days as rings, actual days as dots (with the
// gate number), late stretches in red, today's line from the clock. Geometry from domain/gate-timeline.rules
// (the PDF draws the same).
import type { ReportGate } from '@server/domain/portfolio-report.rules.js';
import { gateIds } from '@server/domain/involvement.rules.js';
import {
  gateNumbers,
  gateTimeline,
  timelineTicks,
  type TimelineAxis,
} from '@server/domain/gate-timeline.rules.js';
import { formatDate } from '../../shared/format.js';
import { gateLabels } from '../../shared/labels.js';

const WIDTH = 260;
const HEIGHT = 38;
const PAD = 7;
const px = (position: number) => PAD + position * (WIDTH - 2 * PAD);

export function GateTimeline({
  gates,
  axis,
  today,
}: {
  gates: readonly ReportGate[];
  axis: TimelineAxis;
  today: string;
}) {
  const timeline = gateTimeline(gates, axis, today);
  const ticks = timelineTicks(axis);
  const summary = gates
    .filter((gate) => gate.plannedOn || gate.passedOn)
    .map(
      (gate) =>
        `${gateNumbers[gate.gate]} ${gateLabels[gate.gate]}: planlagt ${formatDate(gate.plannedOn) || '–'}, passert ${formatDate(gate.passedOn) || '–'}${gate.daysLate > 0 ? `, ${gate.daysLate} dager forsinket` : ''}`,
    )
    .join('; ');
  return (
    <svg
      className="gate-timeline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={summary || 'Ingen planlagte eller passerte faseporter'}
      data-testid="gate-timeline"
      data-today={today}
    >
      {ticks.map((tick) => (
        <g key={tick.day} className="gate-timeline-tick">
          <line x1={px(tick.x)} x2={px(tick.x)} y1={2} y2={29} />
          <text x={px(tick.x)} y={37}>
            {tick.label}
          </text>
        </g>
      ))}
      <line className="gate-timeline-axis" x1={px(0)} x2={px(1)} y1={16} y2={16} />
      {timeline.late.map((stretch) => (
        <line
          key={stretch.gate}
          className="gate-timeline-late"
          x1={px(stretch.x1)}
          x2={px(stretch.x2)}
          y1={16}
          y2={16}
          data-testid="gate-timeline-late"
        >
          <title>{`${gateLabels[stretch.gate]}: ${stretch.days} dager forsinket`}</title>
        </line>
      ))}
      <line
        className="gate-timeline-today"
        x1={px(timeline.today)}
        x2={px(timeline.today)}
        y1={0}
        y2={31}
        data-testid="gate-timeline-today"
        data-x={timeline.today.toFixed(4)}
      >
        <title>{`I dag ${formatDate(today)}`}</title>
      </line>
      {timeline.planned.map((mark) => (
        <g key={`p-${mark.gate}`} className="gate-timeline-planned" data-testid="gate-timeline-planned">
          <title>{`${gateLabels[mark.gate]}: planlagt ${formatDate(mark.day)}`}</title>
          <circle cx={px(mark.x)} cy={9} r={4.5} />
          <text x={px(mark.x)} y={11.3}>
            {mark.number}
          </text>
        </g>
      ))}
      {timeline.actual.map((mark) => (
        <g key={`a-${mark.gate}`} className="gate-timeline-actual" data-testid="gate-timeline-actual">
          <title>{`${gateLabels[mark.gate]}: passert ${formatDate(mark.day)}`}</title>
          <circle cx={px(mark.x)} cy={23} r={4.5} />
          <text x={px(mark.x)} y={25.3}>
            {mark.number}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The key under the report: what the marks mean and which gate each number is. */
export function GateTimelineLegend() {
  return (
    <p className="gate-timeline-legend muted" data-testid="gate-timeline-legend">
      <span>○ planlagt</span> <span>● passert</span> <span className="text-error">▬ forsinket</span>{' '}
      <span>┆ i dag</span> · {gateIds.map((gate, index) => `${index + 1} ${gateLabels[gate]}`).join(' · ')}
    </p>
  );
}
