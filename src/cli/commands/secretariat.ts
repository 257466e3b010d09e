import type { Command } from 'commander';
import { z } from 'zod';
import { isoDate } from '../../shared/schemas.js';
import { createMailDispatcher } from '../../features/notifications/mail-dispatcher.js';
import { runSecretariatJobs } from '../../features/meetings/secretariat-jobs.js';
import { listOverdueActions } from '../../features/meetings/index.js';
import { pinnedClock, type Clock } from '../../shared/clock.js';
import { badRequest } from '../../shared/app-error.js';
import { withCli } from '../context.js';

const dayOption = z.object({ today: isoDate.optional() });

/** The clock to run by: `--today` pins it to that day, otherwise the CLI's clock (STYR_TODAY or the system's). */
function clockOf(options: unknown, clock: Clock): Clock {
  const parsed = dayOption.safeParse(options);
  if (!parsed.success) throw badRequest('Ugyldig --today (ÅÅÅÅ-MM-DD).');
  return parsed.data.today ? pinnedClock(parsed.data.today) : clock;
}

export function registerSecretariatCommands(program: Command) {
  const secretariat = program
    .command('secretariat')
    .description('The portfolio secretariat: meetings, follow-up, mail');
  secretariat
    .command('run-jobs')
    .description('Send due invitations and overdue reminders, then the queued e-mail (SMTP_URL)')
    .option('--today <date>', 'run as of this day (YYYY-MM-DD)')
    .action((options: unknown) =>
      withCli(async ({ config, database, clock: cliClock }) => {
        const clock = clockOf(options, cliClock);
        const mail = config.smtpUrl
          ? createMailDispatcher({
              db: database.db,
              smtpUrl: config.smtpUrl,
              from: config.mailFrom,
              publicUrl: config.publicUrl,
              clock,
            })
          : null;
        try {
          const result = await runSecretariatJobs({
            db: database.db,
            config,
            clock,
            mail,
          });
          console.log(
            `Innkallinger: ${result.invitations}, varsler om forfalte tiltak: ${result.overdue}, innsynskrav som regnes som avslag: ${result.deemedRefusals}, påminnelser om habilitetserklæring: ${result.declarationReminders}, ukesoversikter til RHF: ${result.rhfDigests}, e-poster sendt: ${result.mails}${mail ? '' : ' (SMTP_URL ikke satt)'}.`,
          );
        } finally {
          mail?.close();
        }
      }),
    );
  secretariat
    .command('overdue')
    .description('List the overdue actions (forfalte tiltak) of every steering group')
    .option('--today <date>', 'as of this day (YYYY-MM-DD)')
    .action((options: unknown) =>
      withCli(async ({ database, clock }) => {
        const overdue = await listOverdueActions(database.db, clockOf(options, clock).today());
        if (overdue.length === 0) console.log('Ingen forfalte tiltak.');
        for (const action of overdue)
          console.log(
            `${action.dueDate}  ${action.steeringGroupName}  ${action.title}  (${action.owner.name}, ${action.daysOverdue} dager)`,
          );
      }),
    );
}
