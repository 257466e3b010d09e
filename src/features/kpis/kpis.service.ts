// The KPI dashboard: definitions, actual values per year (computed from the portal's own data where it has
// them, else entered by hand with who/when) and red/amber/green against the year's target.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import {
  gainShare,
  onTimeShare,
  percent,
  ragStatus,
  targetFor,
  type Target,
} from '../../domain/kpi.rules.js';
import { conflict, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { reportingRepo } from '../reporting/index.js';
import { findKpiSource } from './kpi-sources.js';
import * as repo from './kpis.repo.js';
import type { KpiDefinitionInput, KpiDto } from './kpis.schemas.js';

type Definition = Awaited<ReturnType<typeof repo.listDefinitions>>[number];
type Computed = { value: number | null; detail: string | null };
type Calculator = (year: number) => Computed;

/** Loads the facts once and returns one calculator per computed source. */
async function loadCalculators(db: Db): Promise<Partial<Record<Definition['source'], Calculator>>> {
  const [deliveries, gains, innovation, strategies] = await Promise.all([
    reportingRepo.listAwardDeliveries(db),
    reportingRepo.listCompletedGains(db),
    reportingRepo.listInnovationFlags(db),
    repo.listStrategyCoverage(db),
  ]);
  return {
    onTimeDelivery: (year) => {
      const result = onTimeShare(
        deliveries.map((d) => ({ plannedOn: d.plannedOn, deliveredOn: d.passedOn })),
        year,
      );
      return {
        value: result.value,
        detail: result.delivered ? `${result.onTime} av ${result.delivered} levert på avtalt tid` : null,
      };
    },
    gainOnCompleted: (year) => {
      const inYear = gains.filter((g) => Number(g.awardedOn.slice(0, 4)) === year);
      const value = gainShare(
        inYear.map((g) => ({
          gainNok: Number(g.realisedGainNok),
          contractValueNok: Number(g.contractValueNok),
        })),
      );
      return { value, detail: inYear.length ? `${inYear.length} avsluttede anskaffelser` : null };
    },
    innovativeShare: (year) => {
      const inYear = innovation.filter(
        (row) => row.projectStart && Number(row.projectStart.slice(0, 4)) === year,
      );
      const innovative = inYear.filter((row) => row.isInnovative).length;
      return {
        value: percent(innovative, inYear.length),
        detail: inYear.length ? `${innovative} av ${inYear.length} startet i året` : null,
      };
    },
    categoryStrategies: (year) => {
      if (!strategies.some((s) => s.approvedOn)) return { value: null, detail: null };
      const approved = strategies.filter(
        (s) => s.approvedOn && Number(s.approvedOn.slice(0, 4)) <= year,
      ).length;
      return {
        value: percent(approved, strategies.length),
        detail: `${approved} av ${strategies.length} kategorier`,
      };
    },
  };
}

function yearsFor(
  definition: Definition,
  from: number | undefined,
  to: number | undefined,
  today: string,
): number[] {
  const targetYears = Object.keys(definition.yearlyTargets).map(Number);
  const thisYear = Number(today.slice(0, 4));
  const first = from ?? (targetYears.length ? Math.min(...targetYears) : thisYear - 3);
  const last = to ?? (targetYears.length ? Math.max(...targetYears) : thisYear);
  const years: number[] = [];
  for (let year = first; year <= last && years.length < 30; year += 1) years.push(year);
  return years;
}

const asTarget = (d: Definition): Target => ({
  direction: d.direction,
  target: Number(d.target),
  targetMax: d.targetMax === null ? null : Number(d.targetMax),
  amberTolerance: Number(d.amberTolerance),
  yearlyTargets: d.yearlyTargets,
});

export async function listKpis(
  db: Db,
  query: { from?: number; to?: number },
  today: string,
): Promise<KpiDto[]> {
  const [definitions, manual, calculators] = await Promise.all([
    repo.listDefinitions(db),
    repo.listManualValues(db),
    loadCalculators(db),
  ]);
  const result: KpiDto[] = [];
  for (const definition of definitions) {
    const target = asTarget(definition);
    const values = [];
    for (const year of yearsFor(definition, query.from, query.to, today)) {
      let computed: Computed = { value: null, detail: null };
      const calculator = calculators[definition.source];
      const hook = findKpiSource(definition.source);
      if (calculator) computed = calculator(year);
      else if (hook) computed = { value: await hook(db, year), detail: null };
      const entered = manual.find((m) => m.kpiId === definition.id && m.year === year);
      // A computed value wins; a hand-entered one fills the gap until a data source has the year.
      const useManual = computed.value === null && entered !== undefined;
      const value = useManual ? Number(entered.value) : computed.value;
      values.push({
        year,
        value,
        target: targetFor(target, year),
        rag: ragStatus(value, target, year),
        origin: useManual ? ('manual' as const) : value === null ? ('none' as const) : ('computed' as const),
        detail: useManual ? (entered.note ?? null) : computed.detail,
        enteredBy: useManual ? entered.enteredBy : null,
        enteredAt: useManual ? entered.enteredAt.toISOString() : null,
      });
    }
    result.push({
      id: definition.id,
      code: definition.code,
      name: definition.name,
      description: definition.description,
      source: definition.source,
      unit: definition.unit,
      direction: definition.direction,
      target: target.target,
      targetMax: target.targetMax,
      amberTolerance: target.amberTolerance,
      yearlyTargets: definition.yearlyTargets,
      origin: definition.origin,
      values,
      latest: [...values].reverse().find((v) => v.value !== null) ?? null,
    });
  }
  return result;
}

const toRow = (input: Partial<KpiDefinitionInput>) => ({
  ...input,
  target: input.target === undefined ? undefined : String(input.target),
  targetMax:
    input.targetMax === undefined ? undefined : input.targetMax === null ? null : String(input.targetMax),
  amberTolerance: input.amberTolerance === undefined ? undefined : String(input.amberTolerance),
});

export async function createKpi(db: Db, user: CurrentUser, input: KpiDefinitionInput) {
  return writeAudited(db, user, async (tx, recordAudit) => {
    const row = await repo.insertDefinition(tx, {
      ...toRow(input),
      target: String(input.target),
      amberTolerance: String(input.amberTolerance),
      code: input.code,
      name: input.name,
      source: input.source,
      unit: input.unit,
      direction: input.direction,
      sortOrder: 100,
    });
    if (!row) throw conflict(`Det finnes allerede en nøkkelindikator med koden ${input.code}.`);
    await recordAudit({
      action: 'create',
      entityType: 'kpi',
      entityId: row.id,
      summary: `Ny nøkkelindikator ${input.code} ${input.name}`,
      after: input,
    });
    return row.id;
  });
}

export async function updateKpi(db: Db, user: CurrentUser, id: string, input: Partial<KpiDefinitionInput>) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findDefinition(tx, id);
    if (!before) throw notFound('Nøkkelindikatoren finnes ikke.');
    await repo.updateDefinition(tx, id, toRow(input));
    await recordAudit({
      action: 'update',
      entityType: 'kpi',
      entityId: id,
      summary: `Endret nøkkelindikator ${before.code}`,
      before,
      after: input,
    });
  });
}

export async function setManualValue(
  db: Db,
  user: CurrentUser,
  id: string,
  year: number,
  input: { value: number; note: string | null },
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const definition = await repo.findDefinition(tx, id);
    if (!definition) throw notFound('Nøkkelindikatoren finnes ikke.');
    const before = await repo.findManualValue(tx, id, year);
    await repo.upsertManualValue(tx, {
      kpiId: id,
      year,
      value: String(input.value),
      note: input.note,
      enteredBy: user.username,
    });
    await recordAudit({
      action: before ? 'update' : 'create',
      entityType: 'kpiValue',
      entityId: `${id}:${year}`,
      summary: `Verdi ${input.value} for ${definition.code} ${year}`,
      before: before ? { value: before.value, note: before.note } : null,
      after: input,
    });
  });
}

export function listCategoryStrategies(db: Db) {
  return repo.listStrategyCoverage(db);
}

export async function setCategoryStrategy(
  db: Db,
  user: CurrentUser,
  categoryId: string,
  input: { approvedOn: string | null; note: string | null },
) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    const category = (await repo.listStrategyCoverage(tx)).find((row) => row.categoryId === categoryId);
    if (!category) throw notFound('Kategorien finnes ikke, eller drives ikke av Sykehusinnkjøp.');
    await repo.upsertStrategy(tx, { categoryId, ...input, updatedBy: user.username });
    await recordAudit({
      action: 'update',
      entityType: 'categoryStrategy',
      entityId: categoryId,
      summary: `Kategoristrategi for ${category.code}: ${input.approvedOn ? `godkjent ${input.approvedOn}` : 'ikke godkjent'}`,
      before: { approvedOn: category.approvedOn, note: category.note },
      after: input,
    });
  });
}
