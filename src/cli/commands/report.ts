import type { Command } from 'commander';
import { membershipHabilitet } from '../../features/governance/index.js';
import { listSteeringGroups } from '../../features/steering-groups/index.js';
import { withCli } from '../context.js';

export function registerReportCommands(program: Command) {
  program
    .command('check-groups')
    .description(
      'Print the composition checks of every steering group (seed 001 §7.5); exit 1 if any has an error',
    )
    .action(() =>
      withCli(async ({ database, clock }) => {
        const groups = await listSteeringGroups(database.db, clock.today(), membershipHabilitet);
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
}
