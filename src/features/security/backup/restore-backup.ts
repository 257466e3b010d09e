import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openConfiguredDatabase } from '../../../bootstrap.js';
import { writeAudited, type Actor } from '../../../db/unit-of-work.js';
import { badRequest, conflict } from '../../../shared/app-error.js';
import { verifyAuditChain, type AuditChainReport } from '../../audit/index.js';
import { readArchive, type BackupManifest } from './backup-archive.js';
import {
  databaseKindOf,
  pgliteDir,
  refuseOpenPglite,
  runPostgresTool,
  SPEND_FOLDERS,
  spendDir,
  type BackupTarget,
} from './backup-target.js';

export interface RestoreSummary {
  manifest: BackupManifest;
  auditChain: AuditChainReport;
  /** The backup's newest audit row is in the restored chain with the same hash. */
  auditHeadFound: boolean;
}

/**
 * `styr restore FILE`: checks the whole archive first (manifest, sizes, checksums), then replaces the database
 * and the spend files, applies newer migrations, verifies the audit chain and records the restore in it.
 * Replacing a database that holds data needs `replaceExisting`. All app instances must be stopped.
 */
export async function restoreBackup(
  target: BackupTarget,
  file: string,
  options: { actor: Actor; replaceExisting: boolean },
): Promise<RestoreSummary> {
  const kind = databaseKindOf(target);
  fs.mkdirSync(target.dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(target.dataDir, '.restore-'));
  try {
    const manifest = await readArchive(path.resolve(file), staging);
    if (manifest.database !== kind)
      throw badRequest(
        `Sikkerhetskopien er av en ${manifest.database === 'pglite' ? 'PGlite' : 'PostgreSQL'}-database, men målet er ${kind === 'pglite' ? 'PGlite (STYR_DATA_DIR)' : 'PostgreSQL (DATABASE_URL)'}.`,
      );
    if (kind === 'pglite') refuseOpenPglite(target);
    if (!options.replaceExisting && (await holdsData(target)))
      throw conflict(
        'Måldatabasen har allerede data. Bruk --replace for å erstatte den med sikkerhetskopien.',
      );

    if (kind === 'pglite') {
      swapIn(path.join(staging, 'database', 'pgdata'), pgliteDir(target), staging);
    } else {
      await restorePostgres(target.databaseUrl!, path.join(staging, 'database', 'postgres.dump'), staging);
    }
    fs.mkdirSync(spendDir(target), { recursive: true });
    for (const folder of SPEND_FOLDERS)
      swapIn(path.join(staging, 'spend', folder), path.join(spendDir(target), folder), staging);
    // The engine's prepared state belongs to the replaced files: it is rebuilt from the restored ones.
    for (const name of fs.readdirSync(spendDir(target)).filter((n) => n.startsWith('engine.duckdb')))
      fs.rmSync(path.join(spendDir(target), name), { force: true });

    const database = await openConfiguredDatabase(target);
    try {
      await database.migrate();
      const auditChain = await verifyAuditChain(database.db);
      const head = manifest.auditHead;
      const found: unknown = head
        ? await database.db.execute(sql`select hash from audit_log where id = ${head.id}`)
        : null;
      const auditHeadFound =
        head === null || (found as { rows: Array<{ hash: string }> }).rows[0]?.hash === head.hash;
      await writeAudited(database.db, options.actor, (_tx, recordAudit) =>
        recordAudit({
          action: 'restore',
          entityType: 'backup',
          entityId: path.basename(file),
          summary: `Gjenopprettet fra sikkerhetskopien ${path.basename(file)} (tatt ${manifest.createdAt})`,
          after: {
            createdAt: manifest.createdAt,
            lastMigration: manifest.lastMigration,
            files: manifest.files.length,
            auditChainIntact: auditChain.intact,
          },
        }),
      );
      return { manifest, auditChain, auditHeadFound };
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function holdsData(target: BackupTarget): Promise<boolean> {
  if (databaseKindOf(target) === 'pglite') {
    const dir = pgliteDir(target);
    return fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
  }
  const database = await openConfiguredDatabase(target);
  try {
    const result: unknown = await database.db.execute(
      sql`select count(*)::int as tables from information_schema.tables where table_schema = 'public'`,
    );
    return (result as { rows: Array<{ tables: number }> }).rows[0]!.tables > 0;
  } finally {
    await database.close();
  }
}

/** Puts `source` in place of `target` by renames (one file system: the staging folder is in STYR_DATA_DIR). */
function swapIn(source: string, target: string, staging: string) {
  const replaced = path.join(staging, `replaced-${path.basename(target)}`);
  if (fs.existsSync(target)) fs.renameSync(target, replaced);
  if (fs.existsSync(source)) fs.renameSync(source, target);
  else fs.mkdirSync(target, { recursive: true });
}

/** pg_restore's script run by psql in one transaction after emptying the schemas: all of it, or nothing. */
async function restorePostgres(url: string, dump: string, staging: string) {
  const script = path.join(staging, 'restore.sql');
  await runPostgresTool('pg_restore', ['--no-owner', '--no-acl', `--file=${script}`, dump], url);
  await runPostgresTool(
    'psql',
    [
      '--no-psqlrc',
      '--quiet',
      '--set=ON_ERROR_STOP=1',
      '--single-transaction',
      '--command=DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;',
      `--file=${script}`,
    ],
    url,
  );
}
