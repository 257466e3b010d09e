import type { Command } from 'commander';
import { listAuditQuery } from '../../features/audit/audit.schemas.js';
import { listAudit } from '../../features/audit/audit.service.js';
import { verifyAuditChain } from '../../features/audit/verify-audit-chain.js';
import { withCli } from '../context.js';

/** Exit code when the chain is broken: distinct from the AppError codes, so a monitoring job can tell. */
export const AUDIT_BROKEN_EXIT_CODE = 7;

export function registerAuditCommands(program: Command) {
  const audit = program
    .command('audit')
    .description('Print the newest audit-log entries (and: audit verify)')
    .option('--entity-type <type>')
    .option('--actor <username>')
    .option('--limit <n>', 'how many', '50')
    .action((raw: { entityType?: string; actor?: string; limit: string }) =>
      withCli(async ({ database }) => {
        const page = await listAudit(database.db, listAuditQuery.parse(raw));
        for (const entry of page.entries)
          console.log(
            `${entry.at}  ${entry.actorUsername.padEnd(16)} ${entry.action.padEnd(8)} ${entry.entityType.padEnd(14)} ${entry.summary}`,
          );
      }),
    );
  audit
    .command('verify')
    .description(
      'Recompute the hash chain over the whole audit log; report the first broken link (exit code 7)',
    )
    .action(() =>
      withCli(async ({ database }) => {
        const report = await verifyAuditChain(database.db);
        if (report.intact) {
          console.log(
            `Revisjonsloggen er intakt: ${report.checkedRows} rader kontrollert.` +
              (report.lastId === null ? '' : ` Siste rad ${report.lastId}, hash ${report.lastHash}.`),
          );
          return;
        }
        process.stderr.write(
          `Revisjonsloggen er brutt ved rad ${report.firstBreak!.id}: ${report.firstBreak!.message}\n` +
            `  ${report.checkedRows} rader før den er intakte.\n`,
        );
        process.exitCode = AUDIT_BROKEN_EXIT_CODE;
      }),
    );
}
