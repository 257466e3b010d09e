// The demo procurements have the same shape on any day: seeded on two databases pinned to different days
// (one across a leap day), the report shows each with the same phase, significance, risk, value and the same
// days late, while every date has moved with the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, type TestDatabase } from '../../../tests/support/databases.js';
import { daysBetween } from '../../shared/calendar-date.js';
import { demoProcurements, seedDemoProcurements } from './portfolio-demo-procurements.js';
import { buildPortfolioReport } from './reporting.service.js';

const DAYS = ['2026-12-03', '2028-02-29'] as const;

describe('demo procurements on different days', () => {
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    for (const today of DAYS) {
      const database = await createSeededDatabase('pglite');
      expect(await seedDemoProcurements(database.db, today)).toEqual({ seeded: demoProcurements.length });
      expect(await seedDemoProcurements(database.db, today)).toEqual({ seeded: 0 });
      databases.push(database);
    }
  });
  afterAll(async () => {
    for (const database of databases) await database.dispose();
  });

  const shapeOn = async (index: number) => {
    const report = await buildPortfolioReport(databases[index]!.db, { scope: 'all' }, DAYS[index]!);
    const names = new Set(demoProcurements.map((p) => p.name));
    return report.rows
      .filter((row) => names.has(row.name))
      .map((row) => ({
        name: row.name,
        level: row.level,
        phase: row.phaseId,
        initial: row.initialSignificance,
        final: row.finalSignificance,
        risk: row.riskProfile,
        value: row.contractValueNok,
        daysLate: row.daysLate,
        gates: row.gates.map((gate) => ({
          gate: gate.gate,
          timeliness: gate.timeliness,
          daysLate: gate.daysLate,
          plannedFromToday: gate.plannedOn ? daysBetween(DAYS[index]!, gate.plannedOn) : null,
        })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };

  it('has the same shape on both days, over every gate and significance level, some late by days or weeks', async () => {
    const first = await shapeOn(0);
    expect(await shapeOn(1)).toEqual(first);
    expect(first).toHaveLength(demoProcurements.length);
    expect(new Set(first.map((row) => row.level))).toEqual(new Set(['nasjonal']));
    expect(new Set(first.map((row) => row.phase))).toEqual(
      new Set(['significance', 'plan', 'tenderPreparation', 'tenderApproval', 'award', 'implementation']),
    );
    expect(new Set(first.map((row) => row.final ?? row.initial))).toEqual(new Set(['høy', 'medium', 'lav']));
    expect(new Set(first.map((row) => row.risk))).toEqual(new Set(['høy', 'medium', 'lav']));
    const late = first.filter((row) => row.daysLate > 0).map((row) => row.daysLate);
    expect(late.length).toBeGreaterThan(2);
    expect(late.length).toBeLessThan(first.length);
    expect(Math.max(...late)).toBeLessThan(60); // days or weeks, not years
  });
});
