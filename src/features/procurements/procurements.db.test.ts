import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, procurements, steeringGroups } from '../../db/schema.js';
import { listOrganisations } from '../organisations/organisations.repo.js';
import { listSteeringGroups } from '../steering-groups/steering-groups.service.js';
import { procurementStatusBlocker } from '../governance/procurement-governance.service.js';
import * as service from './procurements.service.js';
import { createProcurementSchema } from './procurements.schemas.js';
import { membershipHabilitet } from '../governance/habilitet/membership-habilitet.js';

const deps: service.ProcurementDeps = { statusBlocker: procurementStatusBlocker };

describe.each(databaseKinds)('procurements on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('ties every Vedlegg 04 procurement to its steering group, with its dates and transfer flag', async () => {
    const all = await service.listProcurements(database.db, {});
    expect(all).toHaveLength(17);
    // "Ja" in Vedlegg 04 enters the new model and its group; "Nei" finishes in the old model (§10.4).
    expect(all.every((p) => p.routing === (p.transferToNewModel ? 'resolved' : 'outsideModel'))).toBe(true);
    expect(all.filter((p) => p.transferToNewModel)).toHaveLength(7);
    const byName = Object.fromEntries(all.map((p) => [p.name, p]));
    expect(byName['Vaskeritjenester']).toMatchObject({
      categoryCode: 'BYGG-EIENDOM',
      steeringGroupName: null,
      routingMessage: expect.stringContaining('gamle modellen'),
      projectStart: '2022-12-02',
      announcementDate: '2023-09-01',
      transferToNewModel: false,
    });
    expect(byName['Mat og drikke']).toMatchObject({
      announcementDate: '2023-10-01',
      announcementDatePrecision: 'month',
    });
    expect(byName['Finansielle revisjonstjenester']).toMatchObject({
      announcementDate: null,
      transferToNewModel: true,
    });
    expect(byName['Arkitekt- og rådgivende ingeniørtjenester']).toMatchObject({
      purchaseGroupCode: 'ARKITEKT-RI',
      routing: 'outsideModel',
    });
    expect(byName['Bilberging og bilglass']).toMatchObject({
      steeringGroupName: 'Styringsgruppe Bygg og eiendom / Bygg-prosjekt',
    });
    expect(byName['CPAP, BiPAP, forstøvere, fuktere og masker mm']!.steeringGroupName).toBe(
      'Styringsgruppe MTU/BHM/MGU',
    );
    expect(byName['Hjerteventiler']!.participatingHfIds).toHaveLength(28);
  });

  it('routes by the steering groups as committed: the kept references follow a change, a transaction sees its own', async () => {
    const nameOf = async (db: typeof database.db) =>
      (await service.listProcurements(db, {})).find((p) => p.name === 'Bilberging og bilglass')!
        .steeringGroupName;
    const original = 'Styringsgruppe Bygg og eiendom / Bygg-prosjekt';
    expect(await nameOf(database.db)).toBe(original);
    const rename = (db: typeof database.db, name: string) =>
      db
        .update(steeringGroups)
        .set({ name })
        .where(eq(steeringGroups.name, original === name ? 'Omdøpt' : original));
    // Inside a transaction its own change counts at once; rolled back, the kept references are still right.
    await expect(
      database.db.transaction(async (tx) => {
        expect(await nameOf(tx)).toBe(original);
        await rename(tx, 'Omdøpt');
        expect(await nameOf(tx)).toBe('Omdøpt');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await nameOf(database.db)).toBe(original);
    await rename(database.db, 'Omdøpt');
    expect(await nameOf(database.db)).toBe('Omdøpt');
    await rename(database.db, original);
    expect(await nameOf(database.db)).toBe(original);
  });

  it('filters by group, category, status and text', async () => {
    const groups = await listSteeringGroups(database.db, '2026-06-15', membershipHabilitet);
    const kir = groups.find((g) => g.code === 'KIR')!;
    expect(
      (await service.listProcurements(database.db, { steeringGroupId: kir.id })).map((p) => p.name),
    ).toEqual(['Ablasjon']);
    expect(await service.listProcurements(database.db, { categoryCode: 'ARKITEKT-RI' })).toHaveLength(1);
    expect(await service.listProcurements(database.db, { categoryCode: 'ADM' })).toHaveLength(4);
    expect((await service.listProcurements(database.db, { q: 'ENERGI' })).map((p) => p.name)).toEqual([
      'Fossil energi, drivstoff',
    ]);
    expect(await service.listProcurements(database.db, { status: 'completed' })).toHaveLength(0);
  });

  it('pages, sorts and filters in SQL, routing to a steering group exactly as the rules do', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    const hfs = (await listOrganisations(database.db)).filter((org) => org.kind === 'HF' && org.rhfId);
    const region = hfs[0]!.rhfId;
    // Outside the model: a lokal procurement (one HF) and a regional one (every HF of one region).
    for (const [name, participants] of [
      ['Lokal test', [hfs[0]!.id]],
      ['Regional test', hfs.filter((hf) => hf.rhfId === region).map((hf) => hf.id)],
    ] as const)
      await service.createProcurement(
        database.db,
        secretariat,
        createProcurementSchema.parse({ name, categoryCode: 'KIR', participatingHfIds: participants }),
        deps,
      );
    const all = await service.listProcurements(database.db, {});
    expect(all.find((p) => p.name === 'Lokal test')).toMatchObject({ steeringGroupId: null });
    for (const group of await listSteeringGroups(database.db, '2026-06-15', membershipHabilitet)) {
      const inSql = await service.listProcurementPage(database.db, {
        steeringGroupId: group.id,
        sort: 'name',
        order: 'asc',
        limit: 500,
        offset: 0,
      });
      const byRules = all.filter((p) => p.steeringGroupId === group.id).map((p) => p.name);
      expect(
        inSql.items.map((p) => p.name),
        group.code,
      ).toEqual(byRules);
      expect(inSql.total).toBe(byRules.length);
    }
    const page = (offset: number) =>
      service.listProcurementPage(database.db, { sort: 'name', order: 'asc', limit: 5, offset });
    const [first, second] = [await page(0), await page(5)];
    expect(first.total).toBe(all.length);
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual(all.slice(0, 10).map((p) => p.name));
    const byValue = await service.listProcurementPage(database.db, {
      sort: 'contractValueNok',
      order: 'desc',
      limit: 3,
      offset: 0,
      categoryCode: 'ADM',
    });
    const values = all
      .filter((p) => p.categoryCode === 'ADM' || p.purchaseGroupCode === 'ADM')
      .map((p) => p.contractValueNok)
      .filter((value) => value !== null)
      .map(Number)
      .sort((a, b) => b - a);
    expect(byValue.total).toBe(4);
    expect(byValue.items.slice(0, values.length).map((p) => Number(p.contractValueNok))).toEqual(
      values.slice(0, 3),
    );
    expect(
      (
        await service.listProcurementPage(database.db, {
          q: '100%_',
          sort: 'name',
          order: 'asc',
          limit: 5,
          offset: 0,
        })
      ).total,
    ).toBe(0);
  });

  it('routes a diabetes procurement to the Diabetesprodukter group, not MTU/BHM/MGU', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    const created = await service.createProcurement(
      database.db,
      secretariat,
      createProcurementSchema.parse({
        name: 'Insulinpumper',
        categoryCode: 'BHM',
        purchaseGroupCode: 'DIABETES',
        contractValueNok: '350000000',
      }),
      deps,
    );
    expect(created).toMatchObject({
      steeringGroupName: 'Styringsgruppe Diabetesprodukter',
      contractValueNok: '350000000.00',
    });
  });

  it('refuses an unknown category, a purchase group of another category and a non-HF participant, storing nothing', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    const before = (await database.db.select().from(procurements)).length;
    const auditBefore = (await database.db.select().from(auditLog)).length;
    await expect(
      service.createProcurement(
        database.db,
        secretariat,
        createProcurementSchema.parse({ name: 'Feil', categoryCode: 'FINNES-IKKE' }),
        deps,
      ),
    ).rejects.toMatchObject({
      code: 'badRequest',
      details: [expect.objectContaining({ path: 'categoryCode' })],
    });
    await expect(
      service.createProcurement(
        database.db,
        secretariat,
        createProcurementSchema.parse({ name: 'Feil', categoryCode: 'KIR', purchaseGroupCode: 'DIABETES' }),
        deps,
      ),
    ).rejects.toMatchObject({ code: 'badRequest' });
    await expect(
      service.createProcurement(
        database.db,
        secretariat,
        createProcurementSchema.parse({
          name: 'Feil',
          categoryCode: 'KIR',
          participatingHfIds: [secretariat.organisationId],
        }),
        deps,
      ),
    ).rejects.toMatchObject({ code: 'badRequest' });
    expect((await database.db.select().from(procurements)).length).toBe(before);
    expect((await database.db.select().from(auditLog)).length).toBe(auditBefore);
  });

  it('lets a procurement lead edit their own procurements only', async () => {
    const lead = await demoUser(database.db, 'leder');
    const all = await service.listProcurements(database.db, {});
    const own = all.find((p) => p.name === 'Flytjenester')!;
    const other = all.find((p) => p.name === 'Hjerteventiler')!;
    const updated = await service.updateProcurement(
      database.db,
      lead,
      own.id,
      { announcementDate: '2023-10-20', status: 'planned' },
      deps,
    );
    expect(updated).toMatchObject({ announcementDate: '2023-10-20', status: 'planned' });
    await expect(
      service.updateProcurement(database.db, lead, other.id, { status: 'cancelled' }, deps),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const [row] = await database.db.select().from(procurements).where(eq(procurements.id, other.id));
    expect(row!.status).toBe('ongoing');
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, own.id));
    expect(entry).toMatchObject({ actorUsername: 'leder', action: 'update' });
  });
});
