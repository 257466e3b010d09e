import type { Command } from 'commander';
import { seedDemo } from '../../features/seed/demo-portfolio.js';
import { seedReferenceData } from '../../features/seed/seed.js';
import { spendDirectory } from '../../features/spend/spend.config.js';
import { withCli } from '../context.js';

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description(
      'Load the reference data (RHFs, HFs, categories, steering groups, Vedlegg 04 procurements); idempotent',
    )
    .option(
      '--demo',
      'also create the demo users and members (password "demo"); never use on a production database',
    )
    .action((options: { demo?: boolean }) =>
      withCli(async ({ config, database, actor, clock }) => {
        const reference = await seedReferenceData(database.db, actor);
        console.log(
          `Referansedata: ${reference.organisations} organisasjoner, ${reference.categories} kategorier, ${reference.steeringGroups} styringsgrupper, ${reference.procurements} anskaffelser lagt til.`,
        );
        if (options.demo) {
          // The same demo step as the first `npm start` in demo mode (features/seed/demo-portfolio.ts).
          const demo = await seedDemo(database.db, clock.today(), {
            actor,
            spendDir: spendDirectory(config),
          });
          console.log(
            demo.users === 0
              ? 'Demodata finnes fra før.'
              : `Demodata: ${demo.users} brukere, ${demo.members} medlemskap.`,
          );
        }
      }),
    );
  program
    .command('migrate')
    .description('Apply the checked-in SQL migrations')
    .action(() => withCli(async () => console.log('Migreringer er kjørt.')));
}
