// The backup file: a gzipped tar holding manifest.json, the database (PGlite's data folder, or a pg_dump
// archive) and the spend store's Parquet files, every file listed in the manifest with its size and SHA-256.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { z } from 'zod';
import { badRequest } from '../../../shared/app-error.js';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'styringsportalen-backup';

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** The newest migration the database had: a restore then applies only the later ones. */
  lastMigration: z.string().nullable(),
  /** The audit chain's newest row when the backup was taken; the restored chain must hold it, unchanged. */
  auditHead: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  files: z.array(z.object({ path: z.string(), bytes: z.number().int().min(0), sha256: z.string() })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Every file under `root`, as forward-slash paths relative to it, sorted. */
export function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function describeFiles(root: string): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = [];
  for (const relative of listFiles(root)) {
    const full = path.join(root, relative);
    files.push({ path: relative, bytes: fs.statSync(full).size, sha256: await sha256OfFile(full) });
  }
  return files;
}

/** Writes the staged folder (manifest included) as FILE: to a temporary name first, renamed when complete. */
export async function writeArchive(stagingDir: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  await tar.create(
    { gzip: true, file: partial, cwd: stagingDir, portable: true },
    fs.readdirSync(stagingDir),
  );
  fs.renameSync(partial, file);
}

/**
 * Unpacks FILE into `targetDir` and checks it against its manifest: every listed file present with its size
 * and checksum, nothing unlisted. Throws a Norwegian badRequest naming the first difference.
 */
export async function readArchive(file: string, targetDir: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw badRequest(`Finner ikke sikkerhetskopien ${file}.`);
  try {
    // node-tar refuses absolute paths and '..' (preservePaths is off) and writes only files and folders.
    await tar.extract({
      file,
      cwd: targetDir,
      strict: true,
      filter: (_entryPath, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    });
  } catch (error) {
    throw badRequest(`${file} er ikke en lesbar sikkerhetskopi (${(error as Error).message}).`);
  }
  const manifestPath = path.join(targetDir, MANIFEST_NAME);
  if (!fs.existsSync(manifestPath))
    throw badRequest(`${file} mangler ${MANIFEST_NAME}: ikke en sikkerhetskopi.`);
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  } catch {
    throw badRequest(`${MANIFEST_NAME} i ${file} er ikke en gyldig manifestfil for Styringsportalen.`);
  }
  const listed = new Map(manifest.files.map((entry) => [entry.path, entry]));
  const present = listFiles(targetDir).filter((name) => name !== MANIFEST_NAME);
  for (const name of present)
    if (!listed.has(name))
      throw badRequest(`Sikkerhetskopien har en fil som ikke står i manifestet: ${name}.`);
  for (const entry of manifest.files) {
    const full = path.join(targetDir, entry.path);
    if (!fs.existsSync(full)) throw badRequest(`Sikkerhetskopien mangler ${entry.path}.`);
    if (fs.statSync(full).size !== entry.bytes || (await sha256OfFile(full)) !== entry.sha256)
      throw badRequest(
        `Kontrollsummen for ${entry.path} stemmer ikke: sikkerhetskopien er skadet eller endret.`,
      );
  }
  return manifest;
}
