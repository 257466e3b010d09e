// `styr journal backfill` on both databases: a document and approved minutes written straight to the tables
// (as in a database from before the journal) get their entries with their own dates, in one audited run;
// the second run finds nothing and writes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.js';
import {
  auditLog,
  documents,
  journalEntries,
  meetings,
  minutes,
  steeringGroups,
} from '../../src/db/schema.js';
import { seedDemoData, seedReferenceData } from '../../src/features/seed/seed.js';
import { runStyr } from '../support/cli.js';
import { createSeededDatabase, databaseKinds, TEST_TODAY, type TestDatabase } from '../support/databases.js';

describe.each(databaseKinds)('styr journal backfill on %s', (kind) => {
  let env: Record<string, string>;
  let postgres: TestDatabase | undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-journal-test-'));
  const dataDir = path.join(work, 'data');

  const withDatabase = async <T>(run: (db: Db) => Promise<T>): Promise<T> => {
    if (postgres) return run(postgres.db);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      return await run(database.db);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    fs.mkdirSync(dataDir);
    if (kind === 'postgres') {
      postgres = await createSeededDatabase('postgres');
      env = { DATABASE_URL: postgres.url!, STYR_DATA_DIR: dataDir };
    } else {
      const database = await openDatabase({ kind: 'pglite', dataDir });
      await database.migrate();
      await seedReferenceData(database.db);
      await seedDemoData(database.db, TEST_TODAY);
      await database.close();
      env = { STYR_DATA_DIR: dataDir };
    }
    await withDatabase(async (db) => {
      const [kir] = await db.select().from(steeringGroups).where(eq(steeringGroups.code, 'KIR'));
      await db.insert(documents).values({
        steeringGroupId: kir!.id,
        title: 'Gammelt saksnotat',
        accessStatus: 'public',
        classifiedOn: '2025-11-03',
        createdBy: 'sekretariat',
        createdAt: new Date('2025-11-03T09:00:00Z'),
      });
      const [meeting] = await db
        .insert(meetings)
        .values({
          steeringGroupId: kir!.id,
          title: 'Høstmøte',
          startsAt: new Date('2025-11-04T09:00:00Z'),
          endsAt: new Date('2025-11-04T11:00:00Z'),
          uid: 'backfill-test@styr',
        })
        .returning();
      await db.insert(minutes).values({
        meetingId: meeting!.id,
        version: 1,
        status: 'approved',
        attendance: [],
        items: [],
        createdBy: 'sekretariat',
        approvedBy: 'kir-hmn',
        approvedAt: new Date('2025-11-10T12:00:00Z'),
      });
    });
  });
  afterAll(async () => {
    await postgres?.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('journals what has no entry once, audited, and then finds nothing', { timeout: 180_000 }, async () => {
    const first = await runStyr(['journal', 'backfill', '--today', '2026-06-16'], env);
    expect(first.stderr).not.toContain('Feil');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain(
      'Etterregistrert i journalen: 1 dokumenter, 1 møteprotokoller, 0 vedtak i saker, 0 vedtak om møteplan.',
    );
    const second = await runStyr(['journal', 'backfill', '--today', '2026-06-16'], env);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Journalen er komplett: ingenting å etterregistrere.');
    const bad = await runStyr(['journal', 'backfill', '--today', '16.06.2026'], env);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('Ugyldig --today');

    await withDatabase(async (db) => {
      const entries = await db.select().from(journalEntries).orderBy(journalEntries.journalSequence);
      expect(
        entries.map((e) => ({
          title: e.title,
          documentType: e.documentType,
          documentDate: e.documentDate,
          journalDate: e.journalDate,
          registeredBy: e.registeredBy,
        })),
      ).toEqual([
        {
          title: 'Gammelt saksnotat',
          documentType: 'other',
          documentDate: '2025-11-03',
          journalDate: '2026-06-16',
          registeredBy: 'sekretariat',
        },
        {
          title: 'Møteprotokoll: Høstmøte (2025-11-04)',
          documentType: 'minutes',
          documentDate: '2025-11-10',
          journalDate: '2026-06-16',
          registeredBy: 'kir-hmn',
        },
      ]);
      const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'backfillJournal'));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actorUsername).toMatch(/^cli:/);
    });
  });
});
