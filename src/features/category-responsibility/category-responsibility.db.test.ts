import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, organisations } from '../../db/schema.js';
import type { CurrentUser } from '../auth/index.js';
import { seedCategoryResponsibilityDemo } from './category-responsibility.demo.js';
import * as service from './category-responsibility.service.js';

describe.each(databaseKinds)('category responsibility on %s', (kind) => {
  let database: TestDatabase;
  let regionId: string;
  let secretariat: CurrentUser;
  const orgId = async (code: string) =>
    (await database.db.select().from(organisations).where(eq(organisations.code, code)))[0]!.id;
  const asRole = (role: CurrentUser['roles'][number]['role'], organisationId: string): CurrentUser => ({
    ...secretariat,
    personName: `Test ${role}`,
    roles: [{ role, organisationId }],
  });

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    regionId = await orgId('HN');
    secretariat = await demoUser(database.db, 'sekretariat');
  });
  afterAll(() => database.dispose());

  it('before any decision no Helse Nord HF has a category, and the check names all six', async () => {
    const view = await service.getRegionResponsibility(database.db, regionId);
    expect(view.hfs).toHaveLength(6);
    expect(view.check.isEveryHfResponsible).toBe(false);
    expect(view.check.hfsWithoutCategory).toHaveLength(6);
  });

  it('the demo distribution gives every Helse Nord HF a category, as seed 000 §7 requires', async () => {
    expect(await seedCategoryResponsibilityDemo(database.db, TEST_TODAY)).toBe(14);
    expect(await seedCategoryResponsibilityDemo(database.db, TEST_TODAY)).toBe(0);
    const view = await service.getRegionResponsibility(database.db, regionId);
    expect(view.check.isEveryHfResponsible).toBe(true);
    expect(view.check.hfsWithoutCategory).toEqual([]);
    for (const hf of view.hfs) expect(view.check.categoryCountByHf[hf.id]).toBeGreaterThanOrEqual(1);
    const holder = (code: string) => view.responsibilities.find((r) => r.category.code === code)!.hf.name;
    expect(holder('LEGEMIDLER')).toBe('Sykehusapotek Nord HF');
    expect(holder('IKT')).toBe('Helse Nord IKT HF');
    expect(view.responsibilities.every((r) => r.duties.length === 7)).toBe(true);
  });

  it('moving the only category of an HF breaks the check; the new holder starts the checklist afresh; audited', async () => {
    const ikt = (await service.getRegionResponsibility(database.db, regionId)).responsibilities.find(
      (r) => r.category.code === 'IKT',
    )!;
    expect(ikt.progress.done).toBeGreaterThan(0);
    const unn = await orgId('UNIVERSITETSSYKEHUSET-NORD-NORGE-HF');
    await service.assignCategory(database.db, secretariat, regionId, ikt.category.id, {
      hfId: unn,
      decidedOn: TEST_TODAY,
      decisionReference: 'Innkjøpsforum sak 09/2026',
    });
    const view = await service.getRegionResponsibility(database.db, regionId);
    expect(view.check.hfsWithoutCategory.map((hf) => hf.name)).toEqual(['Helse Nord IKT HF']);
    const moved = view.responsibilities.find((r) => r.category.code === 'IKT')!;
    expect(moved).toMatchObject({ hf: { id: unn }, decisionReference: 'Innkjøpsforum sak 09/2026' });
    expect(moved.progress).toMatchObject({ done: 0, notStarted: 7 });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.entityId, ikt.id));
    expect(audits.map((a) => a.action)).toEqual(['update']);
  });

  it('refuses an HF of another region, another RHF’s contact person and an HF acting for another HF', async () => {
    const view = await service.getRegionResponsibility(database.db, regionId);
    const lab = view.responsibilities.find((r) => r.category.code === 'LAB')!;
    const bergen = await orgId('HELSE-BERGEN-HF');
    await expect(
      service.assignCategory(database.db, secretariat, regionId, lab.category.id, {
        hfId: bergen,
        decidedOn: TEST_TODAY,
      }),
    ).rejects.toMatchObject({ code: 'badRequest' });
    await expect(
      service.assignCategory(
        database.db,
        asRole('rhfContact', await orgId('HV')),
        regionId,
        lab.category.id,
        {
          hfId: lab.hf.id,
          decidedOn: TEST_TODAY,
        },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const spn = await orgId('SYKEHUSAPOTEK-NORD-HF');
    await expect(
      service.updateDuty(
        database.db,
        asRole('hfPurchasing', spn),
        lab.id,
        'planOverview',
        { status: 'done' },
        TEST_TODAY,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the holding HF’s purchasing manager reports a duty, with who and when', async () => {
    const view = await service.getRegionResponsibility(database.db, regionId);
    const lab = view.responsibilities.find((r) => r.category.code === 'LAB')!;
    await service.updateDuty(
      database.db,
      asRole('hfPurchasing', lab.hf.id),
      lab.id,
      'followUpImplementation',
      { status: 'inProgress', note: 'Clockwork oppdatert for to av tre avtaler' },
      TEST_TODAY,
    );
    const after = (await service.getRegionResponsibility(database.db, regionId)).responsibilities.find(
      (r) => r.id === lab.id,
    )!;
    expect(after.duties.find((d) => d.duty === 'followUpImplementation')).toMatchObject({
      status: 'inProgress',
      updatedOn: TEST_TODAY,
      updatedByName: 'Test hfPurchasing',
    });
  });
});
