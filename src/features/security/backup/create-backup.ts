import fs from 'node:fs';
import path from 'node:path';
import { openConfiguredDatabase } from '../../../bootstrap.js';
import { badRequest } from '../../../shared/app-error.js';
import type { Clock } from '../../../shared/clock.js';
import {
  BACKUP_FORMAT,
  describeFiles,
  MANIFEST_NAME,
  writeArchive,
  type BackupManifest,
} from './backup-archive.js';
import {
  auditHead,
  databaseKindOf,
  lastMigrationTag,
  pgliteDir,
  refuseOpenPglite,
  runPostgresTool,
  SPEND_FOLDERS,
  spendDir,
  type BackupTarget,
} from './backup-target.js';

/**
 * `styr backup FILE`: the database and the spend Parquet files into one checked archive. On PostgreSQL the
 * dump is pg_dump's consistent snapshot and the app may keep running (take it outside spend imports, whose
 * files are written before their audit entry); PGlite's folder is copied closed, so the server must be stopped.
 */
export async function createBackup(
  target: BackupTarget,
  file: string,
  clock: Clock,
): Promise<BackupManifest> {
  const kind = databaseKindOf(target);
  if (kind === 'pglite') {
    if (!fs.existsSync(pgliteDir(target))) throw badRequest(`Det er ingen database i ${pgliteDir(target)}.`);
    refuseOpenPglite(target);
  }
  const output = path.resolve(file);
  if (!fs.existsSync(path.dirname(output))) throw badRequest(`Mappen ${path.dirname(output)} finnes ikke.`);
  fs.mkdirSync(target.dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(target.dataDir, '.backup-'));
  try {
    const database = await openConfiguredDatabase(target);
    let facts: Pick<BackupManifest, 'lastMigration' | 'auditHead'>;
    try {
      facts = { lastMigration: await lastMigrationTag(database.db), auditHead: await auditHead(database.db) };
    } finally {
      await database.close();
    }
    fs.mkdirSync(path.join(staging, 'database'));
    if (kind === 'pglite') {
      fs.cpSync(pgliteDir(target), path.join(staging, 'database', 'pgdata'), { recursive: true });
    } else {
      await runPostgresTool(
        'pg_dump',
        [
          '--format=custom',
          '--no-owner',
          '--no-acl',
          `--file=${path.join(staging, 'database', 'postgres.dump')}`,
        ],
        target.databaseUrl!,
      );
    }
    for (const folder of SPEND_FOLDERS) {
      const source = path.join(spendDir(target), folder);
      if (fs.existsSync(source)) fs.cpSync(source, path.join(staging, 'spend', folder), { recursive: true });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: clock.now().toISOString(),
      database: kind,
      ...facts,
      files: await describeFiles(staging),
    };
    fs.writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeArchive(staging, output);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
