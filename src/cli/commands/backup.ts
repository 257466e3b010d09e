import type { Command } from 'commander';
import { AUDIT_BROKEN_EXIT_CODE } from './audit.js';
import { createBackup } from '../../features/security/backup/create-backup.js';
import { restoreBackup } from '../../features/security/backup/restore-backup.js';
import { loadConfig } from '../../config.js';
import { systemActor } from '../../db/unit-of-work.js';
import { pinnedClock } from '../../shared/clock.js';

// Not through withCli: these commands handle the database files themselves (PGlite must be closed while copied).
export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'the backup file to write (a gzipped tar)')
    .description(
      'Back up the database (PGlite folder, or pg_dump with DATABASE_URL) and the spend Parquet files, with a manifest and checksums',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const manifest = await createBackup(config, file, pinnedClock(config.today));
      const bytes = manifest.files.reduce((sum, entry) => sum + entry.bytes, 0);
      console.log(
        `Sikkerhetskopi skrevet til ${file}: ${manifest.files.length} filer (${(bytes / 1_048_576).toFixed(1)} MiB), ` +
          `database ${manifest.database}, siste migrering ${manifest.lastMigration ?? 'ingen'}` +
          (manifest.auditHead ? `, revisjonslogg til rad ${manifest.auditHead.id}.` : '.'),
      );
    });
  program
    .command('restore')
    .argument('<file>', 'a file written by styr backup')
    .description(
      'Check a backup (manifest, checksums), then replace the database and the spend files with it; stop the server first',
    )
    .option('--replace', 'replace a database that already holds data')
    .action(async (file: string, options: { replace?: boolean }) => {
      const config = loadConfig();
      const summary = await restoreBackup(config, file, {
        actor: systemActor(`cli:${process.env.USER ?? 'unknown'}`),
        replaceExisting: options.replace === true,
      });
      console.log(
        `Gjenopprettet fra ${file} (tatt ${summary.manifest.createdAt}): ${summary.manifest.files.length} filer kontrollert.`,
      );
      if (summary.auditChain.intact && summary.auditHeadFound) {
        console.log(`Revisjonsloggen er intakt: ${summary.auditChain.checkedRows} rader kontrollert.`);
        return;
      }
      process.stderr.write(
        summary.auditChain.firstBreak
          ? `Revisjonsloggen er brutt ved rad ${summary.auditChain.firstBreak.id}: ${summary.auditChain.firstBreak.message}\n`
          : `Revisjonsloggen mangler rad ${summary.manifest.auditHead!.id} slik den var i sikkerhetskopien.\n`,
      );
      process.exitCode = AUDIT_BROKEN_EXIT_CODE;
    });
}
