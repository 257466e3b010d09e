// A folder import is one audited unit per batch and resumable: a stop after the first batch leaves that
// batch stored *and* audited; running the folder again stores the rest once. Hostile files are per-file
// rejections that never stop the import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ehfInvoiceXml } from '../../../bench/ehf-generator.js';
import { createSeededDatabase, databaseKinds, type TestDatabase } from '../../../tests/support/databases.js';
import { auditLog } from '../../db/schema.js';
import { systemActor } from '../../db/unit-of-work.js';
import * as organisationsRepo from '../organisations/organisations.repo.js';
import { ingestEhfFiles, type InputFile } from './spend-ingest.service.js';
import { lineFilesGlob, openSpendStore, sqlString, type SpendStore } from './spend-store.js';

const actor = systemActor('folder-test');
const invoice = (n: number) =>
  ehfInvoiceXml({
    number: `FOLDER-${n}`,
    issueDate: '2025-05-02',
    supplierOrgNumber: '911000008',
    buyerOrgNumber: '983974678',
    lines: 2,
    seed: n,
  });

describe.each(databaseKinds)('EHF folder import on %s', (kind) => {
  let database: TestDatabase;
  let store: SpendStore;
  let dir: string;
  const files: InputFile[] = [];

  const storedInvoices = async () => {
    const result = await store.connection.runAndReadAll(
      `SELECT invoice_number, count(*)::INTEGER FROM read_parquet(${sqlString(lineFilesGlob(store))}, hive_partitioning = true) GROUP BY invoice_number ORDER BY invoice_number`,
    );
    return result.getRows().map(([number, lines]) => [String(number), Number(lines)]);
  };
  const importAudits = () =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'spend'), eq(auditLog.actorUsername, 'folder-test')))
      .orderBy(auditLog.id);

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-folder-'));
    store = await openSpendStore(dir);
    const stavanger = (await organisationsRepo.listOrganisations(database.db)).find(
      (o) => o.code === 'HELSE-STAVANGER-HF',
    )!;
    expect(stavanger.orgNumber).toBe('983974678'); // Helse Stavanger HF in Enhetsregisteret
    for (let n = 1; n <= 6; n += 1) files.push({ name: `f-${n}.xml`, read: () => invoice(n) });
    // Hostile files in the middle of the folder: a bad character reference, a look-alike namespace, a DTD.
    files.splice(1, 0, { name: 'bad-ref.xml', read: () => invoice(90).replace('Vare 1', 'Vare &#xZZ;') });
    files.splice(4, 0, {
      name: 'evil-ns.xml',
      read: () => invoice(91).replace('xsd:Invoice-2"', 'xsd:Invoice-2-evil"'),
    });
    files.push({ name: 'dtd.xml', read: () => `<!DOCTYPE x [<!ENTITY e "e">]>${invoice(92)}` });
  });
  afterAll(async () => {
    store?.close();
    await database?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops after a batch with that batch stored and audited, and resumes without doubling', async () => {
    // Batches of 3 files: [f-1, bad-ref, f-2] [f-3, evil-ns, f-4] [f-5, f-6, dtd]. The run stops after the first.
    await expect(
      ingestEhfFiles({ db: database.db, store }, actor, files, {
        batchSize: 3,
        onProgress: (done) => {
          if (done === 3) throw new Error('avbrutt');
        },
      }),
    ).rejects.toThrow('avbrutt');
    expect(await storedInvoices()).toEqual([
      ['FOLDER-1', 2],
      ['FOLDER-2', 2],
    ]);
    const first = await importAudits();
    expect(first).toHaveLength(1);
    expect(first[0]!.summary).toMatch(
      /parti 1 av 3\): 3 filer, 2 fakturaer, 0 kreditnotaer, 4 linjer, 0 duplikater, 1 avvist/,
    );

    // Again, the whole folder: the first batch's invoices are recognised, the rest stored once.
    const report = await ingestEhfFiles({ db: database.db, store }, actor, files, { batchSize: 3 });
    expect(report).toMatchObject({ files: 9, invoices: 4, lines: 8 });
    expect(report.duplicates.map((d) => [d.file, d.firstSeenIn])).toEqual([
      ['f-1.xml', 'f-1.xml'],
      ['f-2.xml', 'f-2.xml'],
    ]);
    expect(Object.fromEntries(report.rejected.map((r) => [r.file, r.reason]))).toEqual({
      'bad-ref.xml': expect.stringMatching(/^Ugyldig XML \(linje \d+\)/),
      'evil-ns.xml': expect.stringMatching(/navnerommet/),
      'dtd.xml': expect.stringMatching(/DOCTYPE/),
    });
    expect(await storedInvoices()).toEqual([1, 2, 3, 4, 5, 6].map((n) => [`FOLDER-${n}`, 2]));
    const audits = await importAudits();
    expect(audits.map((a) => /parti (\d) av 3/.exec(a.summary)?.[1])).toEqual(['1', '1', '2', '3']);
  });
});
