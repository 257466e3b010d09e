// What a backup covers and where it lives: the configured database (PGlite under STYR_DATA_DIR/pgdata, or the
// PostgreSQL server of DATABASE_URL) and the spend store's Parquet files (STYR_DATA_DIR/spend/lines, invoices).
// The KPI engine's engine.duckdb is derived from them and rebuilt after a restore, so it is not copied.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { conflict } from '../../../shared/app-error.js';
import { projectPath } from '../../../shared/project-paths.js';

export interface BackupTarget {
  dataDir: string;
  databaseUrl: string | undefined;
}

export const databaseKindOf = (target: BackupTarget) => (target.databaseUrl ? 'postgres' : 'pglite');
export const pgliteDir = (target: BackupTarget) => path.join(target.dataDir, 'pgdata');
export const spendDir = (target: BackupTarget) => path.join(target.dataDir, 'spend');
/** The spend store's own data; everything else under spend/ (engine, staging, temp) is derived or transient. */
export const SPEND_FOLDERS = ['lines', 'invoices'] as const;

/** PGlite holds postmaster.pid while open: copying or replacing the folder then would tear it. */
export function refuseOpenPglite(target: BackupTarget) {
  if (fs.existsSync(path.join(pgliteDir(target), 'postmaster.pid')))
    throw conflict(
      `Databasen i ${pgliteDir(target)} er åpen: stopp serveren først (etter et krasj: start og stopp den én gang).`,
    );
}

/** libpq's environment for a DATABASE_URL, so the password never shows in a process list. */
export function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get('sslmode');
  return {
    PATH: process.env.PATH,
    PGHOST: decodeURIComponent(parsed.hostname) || 'localhost',
    PGPORT: parsed.port || '5432',
    PGDATABASE: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    PGUSER: decodeURIComponent(parsed.username),
    ...(parsed.password ? { PGPASSWORD: decodeURIComponent(parsed.password) } : {}),
    ...(sslmode ? { PGSSLMODE: sslmode } : {}),
  };
}

/** Runs a PostgreSQL client tool (pg_dump, pg_restore, psql); its stderr becomes the error. */
export function runPostgresTool(tool: string, args: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      { env: libpqEnvironment(url), maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error)
          reject(
            new Error(
              (error as NodeJS.ErrnoException).code === 'ENOENT'
                ? `${tool} is not installed (the PostgreSQL client tools are needed for DATABASE_URL)`
                : `${tool} failed: ${stderr.trim() || error.message}`,
            ),
          );
        else resolve();
      },
    );
  });
}

/** The newest applied migration's tag (from drizzle/meta/_journal.json), or null on an empty database. */
export async function lastMigrationTag(db: Db): Promise<string | null> {
  const result: unknown = await db.execute(sql`
    select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  const row = (result as { rows: Array<{ created_at: string | number }> }).rows[0];
  if (!row) return null;
  const journal = JSON.parse(fs.readFileSync(projectPath('drizzle', 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  return (
    journal.entries.find((entry) => entry.when === Number(row.created_at))?.tag ?? String(row.created_at)
  );
}

export async function auditHead(db: Db): Promise<{ id: number; hash: string } | null> {
  const result: unknown = await db.execute(sql`select id, hash from audit_log order by id desc limit 1`);
  const row = (result as { rows: Array<{ id: string | number; hash: string | null }> }).rows[0];
  return row ? { id: Number(row.id), hash: row.hash ?? '' } : null;
}
