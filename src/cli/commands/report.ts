import type { Command } from 'commander';
import { listAudit } from '../../features/audit/audit.service.js';
import { listAuditQuery } from '../../features/audit/audit.schemas.js';
import { listSteeringGroups } from '../../features/steering-groups/steering-groups.service.js';
import { withCli } from '../context.js';

export function registerReportCommands(program: Command) {
  program
    .command('check-groups')
    .description(
      'Print the composition checks of every steering group (seed 001 §7.5); exit 1 if any has an error',
    )
    .action(() =>
      withCli(async ({ database, clock }) => {
        const groups = await listSteeringGroups(database.db, clock.today());
        let errors = 0;
        for (const group of groups) {
          console.log(
            `${group.name} (${group.members.length} medlemmer, ${group.procurementCount} anskaffelser)`,
          );
          for (const check of group.checks) {
            if (check.level === 'error') errors += 1;
            console.log(`  ${check.level === 'error' ? 'FEIL   ' : 'ADVARSEL'} ${check.message}`);
          }
        }
        if (errors > 0) process.exitCode = 1;
      }),
    );
  program
    .command('audit')
    .description('Print the newest audit-log entries')
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
}
