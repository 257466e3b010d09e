// The one report format shared by the web page, PDF, XLSX and CSV: column titles and cell values.
import { gateIds, gateLabels } from '../../domain/involvement.rules.js';
import { timelinessLabels } from '../../domain/portfolio-report.rules.js';
import type { PortfolioReport } from './reporting.schemas.js';

type Row = PortfolioReport['rows'][number];

export const levelNames: Record<string, string> = {
  lokal: 'Lokal',
  regional: 'Regional',
  flerregional: 'Flerregional',
  nasjonal: 'Nasjonal',
};

/** "2023-10-05" → "05.10.2023". */
export const norwegianDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');

export function nokWhole(amount: string | null): string {
  if (amount === null || amount === '') return '';
  const whole = amount.split('.')[0]!;
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function gateCell(row: Row, gate: (typeof gateIds)[number]): string {
  const found = row.gates.find((g) => g.gate === gate);
  if (!found) return '';
  const planned = found.plannedOn ? `plan ${norwegianDate(found.plannedOn)}` : 'ingen plan';
  const actual = found.passedOn ? `faktisk ${norwegianDate(found.passedOn)}` : 'ikke passert';
  const verdict =
    found.daysLate > 0
      ? `${timelinessLabels[found.timeliness]} ${found.daysLate} d`
      : timelinessLabels[found.timeliness];
  return `${planned} / ${actual} – ${verdict}`;
}

/** "medium / høy": the initial and the final significance; the recommendation while neither is decided. */
export function significanceCell(row: Row): string {
  if (!row.initialSignificance && !row.finalSignificance)
    return row.significance ? `anbefalt ${row.significance}` : '';
  return `${row.initialSignificance ?? '–'} / ${row.finalSignificance ?? '–'}`;
}

type Column = { title: string; value: (row: Row) => string | number };

/** Every column but the gates (the PDF draws the gates as one timeline instead). */
export const summaryColumns: Column[] = [
  { title: 'Anskaffelse', value: (row) => row.name },
  { title: 'Nivå', value: (row) => (row.level ? (levelNames[row.level] ?? row.level) : '') },
  { title: 'Kategori', value: (row) => `${row.categoryCode} ${row.categoryName}` },
  { title: 'Styringsgruppe', value: (row) => row.steeringGroupName ?? '' },
  { title: 'Strategisk betydning (initial / endelig)', value: significanceCell },
  { title: 'Fase', value: (row) => row.phase ?? '' },
  { title: 'Risikoprofil', value: (row) => row.riskProfile ?? '' },
  { title: 'Forsinket (dager)', value: (row) => row.daysLate },
  {
    title: 'Gevinstestimat (NOK)',
    value: (row) => (row.gainEstimateNok === null ? '' : Number(row.gainEstimateNok)),
  },
  {
    title: 'Kontraktsverdi (NOK)',
    value: (row) => (row.contractValueNok === null ? '' : Number(row.contractValueNok)),
  },
  { title: 'Åpne saker', value: (row) => row.openCases },
  { title: 'Eskaleringer', value: (row) => row.escalations },
  { title: 'Behov for tiltak', value: (row) => row.neededMeasures ?? '' },
];

/** One text column per gate: planned and actual day and the verdict (spreadsheets). */
export const gateColumns: Column[] = gateIds.map((gate) => ({
  title: gateLabels[gate],
  value: (row: Row) => gateCell(row, gate),
}));

export const reportColumns: Column[] = [...summaryColumns, ...gateColumns];

/** The roll-up figures at the top, in the order every format shows them. */
export function rollupFigures(
  report: PortfolioReport,
): Array<{ key: string; label: string; value: string | number }> {
  const r = report.rollup;
  const implementation = report.implementation
    ? [
        {
          key: 'implementationPlans',
          label: 'Implementeringsplaner ferdige',
          value: `${report.implementation.plansDone} av ${report.implementation.plans}`,
        },
        {
          key: 'implementationLate',
          label: 'Forsinkede implementeringspunkter',
          value: report.implementation.lateItems,
        },
      ]
    : [];
  return [
    { key: 'procurements', label: 'Anskaffelser', value: r.procurements },
    { key: 'onSchedule', label: 'I rute', value: r.onSchedule },
    { key: 'late', label: 'Forsinket', value: r.late },
    {
      key: 'gatesOnTime',
      label: 'Faseporter passert på tid',
      value: `${r.gatesOnTime} av ${r.gatesPassedWithPlan}`,
    },
    { key: 'highRisk', label: 'Høy risiko', value: r.highRisk },
    { key: 'openCases', label: 'Åpne saker', value: r.openCases },
    { key: 'escalations', label: 'Eskaleringer', value: r.escalations },
    { key: 'gainEstimateNok', label: 'Gevinstestimat (NOK)', value: nokWhole(r.gainEstimateNok) },
    { key: 'contractValueNok', label: 'Kontraktsverdi (NOK)', value: nokWhole(r.contractValueNok) },
    {
      key: 'bySignificance',
      label: 'Strategisk betydning',
      value: ['høy', 'medium', 'lav', 'ukjent']
        .filter((k) => r.bySignificance[k])
        .map((k) => `${k}: ${r.bySignificance[k]}`)
        .join(', '),
    },
    {
      key: 'byLevel',
      label: 'Nivå',
      value: Object.entries(r.byLevel)
        .map(([k, v]) => `${levelNames[k] ?? k}: ${v}`)
        .join(', '),
    },
    ...implementation,
  ];
}
