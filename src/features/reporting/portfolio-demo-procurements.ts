// Demo procurements spread over every gate and all three significance levels (issue 11 item 4), with risk
// profiles, contract values, initial and final significance, passed gates and agreed gate dates — some on
// time, some late by days or weeks. Written for the reference day PORTFOLIO_DEMO_REFERENCE_DAY and moved as a
// whole by the days from it to the clock's today, so the portfolio has the same shape on any day.
// Idempotent: skipped when the first demo procurement is there.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited, type Actor } from '../../db/unit-of-work.js';
import {
  categories,
  organisations,
  procurementGatePlans,
  procurementGates,
  procurementParticipants,
  procurements,
  riskAssessments,
  significanceDecisions,
} from '../../db/schema.js';
import { gatesFor, type Gate } from '../../domain/involvement.rules.js';
import type { Level3 } from '../../domain/risk.rules.js';
import { addDays, daysBetween } from '../../shared/calendar-date.js';
import { loadRules } from '../governance/index.js';
import { PORTFOLIO_DEMO_REFERENCE_DAY } from './portfolio-demo.js';

interface DemoProcurement {
  name: string;
  category: string;
  contractValueNok: string;
  risk: Level3;
  initial: Level3;
  final: Level3 | null;
  projectStart: string;
  /** Gate, agreed day, day passed (null: not yet) — all on the reference day's calendar. */
  gates: Array<[Gate, string, string | null]>;
}

// The reference day is 2024-06-01; "late" and "coming" are measured against it.
export const demoProcurements: DemoProcurement[] = [
  {
    name: 'Laboratorieanalysatorer og reagenser',
    category: 'LAB',
    contractValueNok: '450000000.00',
    risk: 'høy',
    initial: 'høy',
    final: null,
    projectStart: '2024-04-15',
    gates: [['significance', '2024-05-22', null]], // 10 days overdue
  },
  {
    name: 'Røntgen- og CT-utstyr',
    category: 'MTU',
    contractValueNok: '220000000.00',
    risk: 'medium',
    initial: 'medium',
    final: null,
    projectStart: '2024-05-10',
    gates: [['significance', '2024-06-20', null]], // coming in 19 days
  },
  {
    name: 'Dialyseutstyr og forbruksmateriell',
    category: 'MTU',
    contractValueNok: '120000000.00',
    risk: 'medium',
    initial: 'høy',
    final: 'medium',
    projectStart: '2024-02-01',
    gates: [
      ['significance', '2024-03-15', '2024-03-12'],
      ['plan', '2024-06-15', null], // coming in 14 days
    ],
  },
  {
    name: 'Kontorrekvisita og papir',
    category: 'ADM',
    contractValueNok: '12000000.00',
    risk: 'lav',
    initial: 'lav',
    final: 'lav',
    projectStart: '2024-01-10',
    gates: [
      ['significance', '2024-02-15', '2024-02-26'], // passed 11 days late
      ['plan', '2024-05-25', null], // 7 days overdue
    ],
  },
  {
    name: 'Sårbehandlingsprodukter',
    category: 'MFV',
    contractValueNok: '35000000.00',
    risk: 'lav',
    initial: 'medium',
    final: 'lav',
    projectStart: '2023-11-01',
    gates: [
      ['significance', '2023-12-01', '2023-11-28'],
      ['plan', '2024-02-01', '2024-02-01'],
      ['tenderPreparation', '2024-05-11', null], // 3 weeks overdue
    ],
  },
  {
    name: 'Infusjonspumper',
    category: 'MTU',
    contractValueNok: '300000000.00',
    risk: 'høy',
    initial: 'høy',
    final: 'høy',
    projectStart: '2023-09-01',
    gates: [
      ['significance', '2023-10-01', '2023-10-10'], // passed 9 days late
      ['plan', '2023-12-01', '2023-11-30'],
      ['tenderPreparation', '2024-04-01', '2024-04-03'], // 2 days late
      ['tenderApproval', '2024-06-06', null], // coming in 5 days
    ],
  },
  {
    name: 'Sterilt engangsutstyr',
    category: 'MFV',
    contractValueNok: '80000000.00',
    risk: 'medium',
    initial: 'medium',
    final: 'medium',
    projectStart: '2023-06-01',
    gates: [
      ['significance', '2023-07-01', '2023-06-28'],
      ['plan', '2023-09-01', '2023-09-01'],
      ['tenderPreparation', '2024-01-15', '2024-01-10'],
      ['tenderApproval', '2024-02-15', '2024-02-14'],
      ['award', '2024-05-28', null], // 4 days overdue
    ],
  },
  {
    name: 'Inkontinensprodukter for hjemmeboende',
    category: 'MFV',
    contractValueNok: '600000000.00',
    risk: 'medium',
    initial: 'høy',
    final: 'høy',
    projectStart: '2022-10-01',
    gates: [
      ['significance', '2022-11-01', '2022-11-01'],
      ['plan', '2023-01-10', '2023-01-09'],
      ['tenderPreparation', '2023-06-01', '2023-06-01'],
      ['tenderApproval', '2023-08-15', '2023-08-14'],
      ['award', '2024-01-15', '2024-01-12'], // all on time: implementation
    ],
  },
];

/** The demo's days moved from the reference day to `today`. */
const mover = (today: string) => {
  const shift = daysBetween(PORTFOLIO_DEMO_REFERENCE_DAY, today);
  return (day: string) => addDays(day, shift);
};

const via = { decide: 'decision', consulted: 'consultation', informed: 'information' } as const;

export async function seedDemoProcurements(db: Db, today: string, actor: Actor = systemActor('seed')) {
  const [existing] = await db
    .select({ id: procurements.id })
    .from(procurements)
    .where(eq(procurements.name, demoProcurements[0]!.name));
  if (existing) return { seeded: 0 };
  const moved = mover(today);
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const rules = await loadRules(tx);
    const categoryRows = await tx
      .select({ id: categories.id, code: categories.code })
      .from(categories)
      .where(inArray(categories.code, [...new Set(demoProcurements.map((p) => p.category))]));
    const categoryId = new Map(categoryRows.map((row) => [row.code, row.id]));
    const hfIds = (
      await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'HF'))
    ).map((row) => row.id);
    for (const demo of demoProcurements) {
      const lastPassed = demo.gates.filter(([, , passedOn]) => passedOn).length;
      const [row] = await tx
        .insert(procurements)
        .values({
          name: demo.name,
          categoryId: categoryId.get(demo.category)!,
          contractValueNok: demo.contractValueNok,
          projectStart: moved(demo.projectStart),
          transferToNewModel: true,
          status: lastPassed === 5 ? 'awarded' : lastPassed >= 4 ? 'announced' : 'ongoing',
          description: 'Demoanskaffelse: viser porteføljen i bruk (fiktive tall).',
        })
        .returning({ id: procurements.id });
      const procurementId = row!.id;
      await tx
        .insert(procurementParticipants)
        .values(hfIds.map((organisationId) => ({ procurementId, organisationId })));
      await tx.insert(riskAssessments).values({
        procurementId,
        method: 'direct',
        profile: demo.risk,
        note: 'Demo',
        assessedBy: actor.username,
      });
      await tx.insert(significanceDecisions).values([
        { procurementId, kind: 'initial', value: demo.initial, decidedBy: actor.username, note: 'Demo' },
        ...(demo.final
          ? [
              {
                procurementId,
                kind: 'final' as const,
                value: demo.final,
                decidedBy: actor.username,
                note: 'Demo',
              },
            ]
          : []),
      ]);
      await tx.insert(procurementGatePlans).values(
        demo.gates.map(([gate, plannedOn]) => ({
          procurementId,
          gate,
          plannedOn: moved(plannedOn),
          setBy: actor.username,
        })),
      );
      const involvement = new Map(
        gatesFor(demo.final ?? demo.initial, rules.involvementMatrix.value).map((g) => [
          g.gate,
          g.involvement,
        ]),
      );
      const passed = demo.gates.filter(([, , passedOn]) => passedOn);
      if (passed.length > 0)
        await tx.insert(procurementGates).values(
          passed.map(([gate, plannedOn, passedOn]) => ({
            procurementId,
            gate,
            involvement: involvement.get(gate)!,
            via: via[involvement.get(gate)!],
            plannedOn: moved(plannedOn),
            passedBy: actor.username,
            passedOn: moved(passedOn!),
          })),
        );
    }
    await recordAudit({
      action: 'seed',
      entityType: 'portfolioDemo',
      entityId: null,
      summary: `Lastet ${demoProcurements.length} demoanskaffelser over alle faseporter og betydningsnivåer`,
      after: { procurements: demoProcurements.map((p) => p.name), today },
    });
    return { seeded: demoProcurements.length };
  });
}
