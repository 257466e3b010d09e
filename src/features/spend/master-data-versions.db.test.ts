// The spend engine's master-data versions are counted up by triggers, once per transaction, only by changes
// the engine depends on (categorisation vs. coverage), on both engines.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { masterDataVersions } from '../../db/schema.js';

describe.each(databaseKinds)('master-data versions on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const versions = async () => {
    const rows = await database.db.select().from(masterDataVersions);
    return Object.fromEntries(rows.map((row) => [row.area, row.version])) as Record<string, number>;
  };
  const addAgreement = async () => {
    const result = (await database.db.execute(
      sql`insert into agreements (agreement_number, name, supplier_name, supplier_org_number, scope, valid_from, valid_to)
          values ('MDV-1', 'Hansker', 'Leverandør AS', '916879067', 'national', '2026-01-01', '2027-12-31')
          returning id`,
    )) as { rows: Array<{ id: string }> };
    return result.rows[0]!.id;
  };

  it('counts categorisation up once for a transaction that renames several categories', async () => {
    const before = await versions();
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`update categories set name = name || ' ' where code in (select code from categories limit 3)`,
      );
      await tx.execute(sql`update categories set name = rtrim(name)`);
    });
    const after = await versions();
    expect(after.categorisation).toBe(before.categorisation! + 1);
    expect(after.coverage).toBe(before.coverage);
  });

  it('counts coverage up for a new validity, and nothing for a change the engine does not read', async () => {
    const beforeAdding = await versions();
    const id = await addAgreement();
    const before = await versions();
    expect(before.categorisation).toBe(beforeAdding.categorisation! + 1);
    expect(before.coverage).toBe(beforeAdding.coverage! + 1);
    await database.db.execute(sql`update agreements set name = name || ' (omtalt)' where id = ${id}`);
    expect(await versions()).toEqual(before);
    await database.db.execute(sql`update agreements set valid_to = valid_to + 1 where id = ${id}`);
    const after = await versions();
    expect(after.coverage).toBe(before.coverage! + 1);
    expect(after.categorisation).toBe(before.categorisation);
  });

  it('counts nothing for a statement that changes no row', async () => {
    const before = await versions();
    await database.db.execute(sql`update categories set name = name where false`);
    expect(await versions()).toEqual(before);
  });
});
