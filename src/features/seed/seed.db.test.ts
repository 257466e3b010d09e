// Seeding the reference data: the organisations carry their organisation numbers, a database seeded before the
// numbers existed gets them on the next seed (audited), and a number entered by hand is kept.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { auditLog, organisations } from '../../db/schema.js';
import { orgNumberFromStem } from '../../domain/org-number.rules.js';
import { seedReferenceData } from './seed.js';

describe.each(databaseKinds)('reference data seed on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedReferenceData(database.db);
  });
  afterAll(() => database.dispose());

  const orgNumberOf = async (code: string) =>
    (await database.db.select().from(organisations).where(eq(organisations.code, code)))[0]!.orgNumber;

  it('stores the organisation numbers of the legal entities, none for the divisions', async () => {
    const rows = await database.db.select().from(organisations);
    const withoutNumber = rows.filter((row) => row.orgNumber === null).map((row) => row.code);
    expect(withoutNumber.every((code) => code.startsWith('SHI-'))).toBe(true);
    expect(withoutNumber).toHaveLength(5);
    expect(await orgNumberOf('SHI')).toBe('916879067');
    expect(await orgNumberOf('HSO')).toBe('991324968');
    expect(await orgNumberOf('HELSE-STAVANGER-HF')).toBe('983974678');
    expect(await orgNumberOf('SYKEHUSBYGG-HF')).toBe('814630722');
  });

  it('fills a missing number on a later seed and keeps one entered by hand', async () => {
    const handEntered = orgNumberFromStem(91_234_500);
    await database.db.update(organisations).set({ orgNumber: null }).where(eq(organisations.code, 'HN'));
    await database.db
      .update(organisations)
      .set({ orgNumber: handEntered })
      .where(eq(organisations.code, 'HELSE-BERGEN-HF'));
    const summary = await seedReferenceData(database.db);
    expect(summary).toEqual({
      organisations: 0,
      organisationNumbers: 1,
      categories: 0,
      steeringGroups: 0,
      procurements: 0,
    });
    expect(await orgNumberOf('HN')).toBe('883658752');
    expect(await orgNumberOf('HELSE-BERGEN-HF')).toBe(handEntered);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'referenceData'))
      .orderBy(asc(auditLog.id));
    expect(audits.at(-1)!.after).toMatchObject({ organisationNumbers: 1 });
  });
});
