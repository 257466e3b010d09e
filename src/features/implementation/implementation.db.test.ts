import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, organisations } from '../../db/schema.js';
import { createAgreementSchema } from '../agreements/agreements.schemas.js';
import { createAgreement } from '../agreements/agreements.service.js';
import type { CurrentUser } from '../auth/index.js';
import { buildPortfolioReport } from '../reporting/reporting.service.js';
import * as service from './implementation.service.js';

describe.each(databaseKinds)('implementation plans on %s', (kind) => {
  let database: TestDatabase;
  let secretariat: CurrentUser;
  let agreementId: string;
  const orgId = async (code: string) =>
    (await database.db.select().from(organisations).where(eq(organisations.code, code)))[0]!.id;
  const asRole = (role: CurrentUser['roles'][number]['role'], organisationId: string): CurrentUser => ({
    ...secretariat,
    personName: `Test ${role}`,
    roles: [{ role, organisationId }],
  });

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    secretariat = await demoUser(database.db, 'sekretariat');
    const created = await createAgreement(
      database.db,
      secretariat,
      createAgreementSchema.parse({
        agreementNumber: 'HN-2026-001',
        name: 'Infusjonspumper',
        supplierName: 'Pumpeleverandøren AS',
        supplierOrgNumber: '911000008',
        scope: 'regional',
        rhfId: await orgId('HN'),
        categoryCodes: ['MTU'],
        validFrom: '2026-01-01',
        validTo: '2028-12-31',
      }),
    );
    agreementId = created.id;
  });
  afterAll(() => database.dispose());

  it('creates a plan per HF with the default checklist, audited; a second plan for the same HF is refused', async () => {
    const unn = await orgId('UNIVERSITETSSYKEHUSET-NORD-NORGE-HF');
    const nlsh = await orgId('NORDLANDSSYKEHUSET-HF');
    const ids = await service.createPlans(database.db, asRole('rhfContact', await orgId('HN')), agreementId, {
      hfIds: [unn, nlsh],
      dueDate: '2026-06-01',
      responsibleName: 'Avtaleforvalter nord',
    });
    expect(ids).toHaveLength(2);
    const plans = await service.listPlans(database.db, '2026-05-01', { agreementId });
    expect(plans.map((plan) => plan.hf.name)).toEqual([
      'Nordlandssykehuset HF',
      'Universitetssykehuset Nord-Norge HF',
    ]);
    expect(plans[0]!.items).toHaveLength(5);
    expect(plans[0]!.summary).toEqual({ items: 5, done: 0, late: 0, status: 'notStarted' });
    expect(
      (await database.db.select().from(auditLog).where(eq(auditLog.entityId, agreementId))).map(
        (a) => a.action,
      ),
    ).toContain('create');
    await expect(
      service.createPlans(database.db, secretariat, agreementId, {
        hfIds: [unn],
        dueDate: '2026-06-01',
        responsibleName: null,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses another region’s contact and an HF acting for another HF', async () => {
    const finnmark = await orgId('FINNMARKSSYKEHUSET-HF');
    await expect(
      service.createPlans(database.db, asRole('rhfContact', await orgId('HV')), agreementId, {
        hfIds: [finnmark],
        dueDate: '2026-06-01',
        responsibleName: null,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const [plan] = await service.listPlans(database.db, '2026-05-01', { agreementId });
    await expect(
      service.updateItem(
        database.db,
        asRole('hfPurchasing', finnmark),
        plan!.items[0]!.id,
        { status: 'done' },
        '2026-05-01',
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the HF reports items; Implementeringsforum sees late items and the portfolio figures', async () => {
    const nlsh = await orgId('NORDLANDSSYKEHUSET-HF');
    const [plan] = await service.listPlans(database.db, '2026-05-01', { agreementId });
    expect(plan!.hf.id).toBe(nlsh);
    const nordland = asRole('hfPurchasing', nlsh);
    for (const item of plan!.items)
      await service.updateItem(database.db, nordland, item.id, { status: 'done' }, '2026-05-20');
    await service.addItem(database.db, nordland, plan!.id, {
      title: 'Opplæring av brukere',
      responsibleName: 'Fag',
      dueDate: '2026-07-01',
    });
    const overview = await service.getImplementationOverview(database.db, '2026-06-15');
    // UNN's five items passed their due date (1 June) undone; Nordland's added item is due 1 July.
    expect(overview.figures).toEqual({
      agreements: 1,
      plans: 2,
      plansDone: 0,
      plansWithLateItems: 1,
      lateItems: 5,
    });
    const late = await service.getImplementationOverview(database.db, '2026-06-15', { lateOnly: true });
    expect(late.plans.map((p) => p.hf.name)).toEqual(['Universitetssykehuset Nord-Norge HF']);
    const nordlandPlan = overview.plans.find((p) => p.id === plan!.id)!;
    expect(nordlandPlan.summary).toMatchObject({ items: 6, done: 5, status: 'inProgress' });
    expect(nordlandPlan.items[0]!.doneOn).toBe('2026-05-20');
    const report = await buildPortfolioReport(database.db, { scope: 'all' }, '2026-06-15');
    expect(report.implementation).toEqual(overview.figures);
  });
});
