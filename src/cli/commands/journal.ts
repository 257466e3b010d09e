import type { Command } from 'commander';
import { z } from 'zod';
import { backfillJournal } from '../../features/public-access/journal-backfill.js';
import { badRequest } from '../../shared/app-error.js';
import { isoDate } from '../../shared/schemas.js';
import { withCli } from '../context.js';

const options = z.object({ today: isoDate.optional() });

export function registerJournalCommands(program: Command) {
  const journal = program.command('journal').description('The public journal (offentlig journal)');
  journal
    .command('backfill')
    .description(
      'Journal the documents, approved minutes and decisions that have no entry yet (idempotent, audited)',
    )
    .option('--today <date>', 'the journal date to register with (YYYY-MM-DD)')
    .action((raw: unknown) =>
      withCli(async ({ database, actor, clock }) => {
        const parsed = options.safeParse(raw);
        if (!parsed.success) throw badRequest('Ugyldig --today (ÅÅÅÅ-MM-DD).');
        const result = await backfillJournal(database.db, actor, parsed.data.today ?? clock.today());
        console.log(
          result.entryIds.length === 0
            ? 'Journalen er komplett: ingenting å etterregistrere.'
            : `Etterregistrert i journalen: ${result.documents} dokumenter, ${result.minutes} møteprotokoller, ${result.decisions} vedtak i saker, ${result.meetingPlans} vedtak om møteplan.`,
        );
      }),
    );
}
