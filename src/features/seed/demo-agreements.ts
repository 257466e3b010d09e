// The living demo's agreements for the HF purchasing manager's home (issue 11): the national incontinence
// agreement awarded from the demo procurement, with implementation plans for two Helse Vest HFs (Helse
// Bergen's by `innkjop`, two of five steps done); today's infusion-pump agreement, ending in five months and
// replaced by the ongoing procurement; and a local Helse Bergen agreement ending in 75 days that no
// procurement replaces (also in the cockpit). Days are relative to the demo's today; skipped when present.
import { eq } from 'drizzle-orm';
import { agreements, organisations } from '../../db/schema.js';
import { systemActor, type Actor } from '../../db/unit-of-work.js';
import { orgNumberFromStem } from '../../domain/org-number.rules.js';
import { addDays, addYears } from '../../shared/calendar-date.js';
import { createAgreementSchema, importAgreements } from '../agreements/index.js';
import { createPlans, getImplementationOverview, updateItem } from '../implementation/index.js';
import type { DemoContext } from './demo-context.js';

export const DEMO_AGREEMENTS = {
  incontinence: 'RA-2026-INK',
  infusionPumps: 'RA-2022-INF',
  temporaryStaff: 'LA-HB-2024-VIK',
} as const;

async function orgId(ctx: DemoContext, code: string) {
  const [row] = await ctx.db.select().from(organisations).where(eq(organisations.code, code));
  if (!row) throw new Error(`The living demo needs organisation ${code}.`);
  return row.id;
}

export async function seedDemoAgreements(ctx: DemoContext, actor: Actor = systemActor('seed')) {
  const [existing] = await ctx.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(eq(agreements.agreementNumber, DEMO_AGREEMENTS.incontinence));
  if (existing) return null;
  const bergen = await orgId(ctx, 'HELSE-BERGEN-HF');
  const stavanger = await orgId(ctx, 'HELSE-STAVANGER-HF');
  const awardedFrom = ctx.day(-120);
  const rows = [
    {
      agreementNumber: DEMO_AGREEMENTS.incontinence,
      name: 'Inkontinensprodukter for hjemmeboende',
      supplierName: 'Vestkyst Omsorgsprodukter AS',
      supplierOrgNumber: orgNumberFromStem(92_100_000),
      scope: 'national',
      categoryCodes: ['MFV'],
      validFrom: awardedFrom,
      validTo: addDays(addYears(awardedFrom, 3), -1),
      extensionOptions: '1 + 1 år',
      procurementId: await ctx.procurementId('Inkontinensprodukter for hjemmeboende'),
    },
    {
      agreementNumber: DEMO_AGREEMENTS.infusionPumps,
      name: 'Infusjonspumper med forbruksmateriell (dagens avtale)',
      supplierName: 'Nordisk Infusjon AS',
      supplierOrgNumber: orgNumberFromStem(92_101_000),
      scope: 'national',
      categoryCodes: ['MTU'],
      validFrom: addYears(ctx.day(150), -4),
      validTo: ctx.day(150),
    },
    {
      agreementNumber: DEMO_AGREEMENTS.temporaryStaff,
      name: 'Vikartjenester for sykepleiere, Helse Bergen',
      supplierName: 'Bergen Bemanning AS',
      supplierOrgNumber: orgNumberFromStem(92_102_000),
      scope: 'local',
      hfIds: [bergen],
      categoryCodes: ['HR'],
      validFrom: addYears(ctx.day(75), -2),
      validTo: ctx.day(75),
    },
  ];
  await importAgreements(
    ctx.db,
    actor,
    rows.map((agreement, index) => ({
      row: index + 2,
      hasArticles: false,
      agreement: createAgreementSchema.parse(agreement),
    })),
    { dryRun: false },
  );
  const [incontinence] = await ctx.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(eq(agreements.agreementNumber, DEMO_AGREEMENTS.incontinence));
  // Implementeringsforum's hand-over to the HFs' operations, due in three weeks.
  const innkjop = await ctx.as('innkjop');
  await createPlans(ctx.db, innkjop, incontinence!.id, {
    hfIds: [bergen],
    dueDate: ctx.day(21),
    responsibleName: innkjop.personName,
  });
  await createPlans(ctx.db, await ctx.as('kontakt'), incontinence!.id, {
    hfIds: [stavanger],
    dueDate: ctx.day(21),
    responsibleName: null,
  });
  const plan = (await getImplementationOverview(ctx.db, ctx.today)).plans.find(
    (row) => row.agreement.id === incontinence!.id && row.hf.id === bergen,
  )!;
  for (const item of plan.items.slice(0, 2))
    await updateItem(ctx.db, innkjop, item.id, { status: 'done' }, ctx.today);
  return { agreementId: incontinence!.id, planId: plan.id };
}
