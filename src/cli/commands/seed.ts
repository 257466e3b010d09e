import type { Command } from 'commander';
import { seedPortfolioDemo } from '../../features/reporting/portfolio-demo.js';
import { seedDemoProcurements } from '../../features/reporting/portfolio-demo-procurements.js';
import { seedDemoData, seedReferenceData } from '../../features/seed/seed.js';
import { seedCategoryResponsibilityDemo } from '../../features/category-responsibility/index.js';
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
      withCli(async ({ database, actor, clock }) => {
        const reference = await seedReferenceData(database.db, actor);
        console.log(
          `Referansedata: ${reference.organisations} organisasjoner, ${reference.categories} kategorier, ${reference.steeringGroups} styringsgrupper, ${reference.procurements} anskaffelser lagt til.`,
        );
        if (options.demo) {
          const demo = await seedDemoData(database.db, clock.today(), actor);
          await seedPortfolioDemo(database.db, clock.today(), actor);
          await seedDemoProcurements(database.db, clock.today(), actor);
          await seedCategoryResponsibilityDemo(database.db, clock.today(), actor);
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
