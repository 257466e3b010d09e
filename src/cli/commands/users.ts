import type { Command } from 'commander';
import { z } from 'zod';
import { findOrganisationByCode } from '../../features/organisations/organisations.repo.js';
import { createPerson, createUser } from '../../features/people/people.service.js';
import { roleSchema } from '../../features/auth/auth.schemas.js';
import { badRequest } from '../../shared/app-error.js';
import { withCli } from '../context.js';

const optionsSchema = z.object({
  username: z.string().min(3),
  name: z.string().min(2),
  email: z.string().email().optional(),
  organisation: z.string().min(1),
  role: roleSchema,
  roleOrganisation: z.string().optional(),
});

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

export function registerUserCommands(program: Command) {
  const users = program.command('user').description('User administration');
  users
    .command('create')
    .description(
      'Create a person with a login and one role (the first secretariat user of a production database)',
    )
    .requiredOption('--username <username>')
    .requiredOption('--name <name>', 'full name')
    .option('--email <email>')
    .requiredOption('--organisation <code>', 'organisation code, e.g. SHI or HV')
    .requiredOption(
      '--role <role>',
      'secretariat | procurementLead | steeringGroupMember | rhfContact | hfPurchasing | readOnly | shiLine',
    )
    .option('--role-organisation <code>', 'organisation the role is for (default: --organisation)')
    .option('--password-stdin', 'read the password from standard input (else STYR_NEW_PASSWORD)')
    .option(
      '--sso-only',
      "no password: the user logs in only with the organisation's account (single sign-on)",
    )
    .action((raw: Record<string, string | boolean>) =>
      withCli(async ({ database, actor }) => {
        const options = optionsSchema.parse(raw);
        const password = raw.ssoOnly
          ? undefined
          : raw.passwordStdin
            ? await readPasswordFromStdin()
            : (process.env.STYR_NEW_PASSWORD ?? '');
        const organisation = await findOrganisationByCode(database.db, options.organisation);
        const roleOrganisation = await findOrganisationByCode(
          database.db,
          options.roleOrganisation ?? options.organisation,
        );
        if (!organisation || !roleOrganisation) throw badRequest('Ukjent organisasjonskode.');
        const person = await createPerson(database.db, actor, {
          name: options.name,
          email: options.email ?? null,
          title: null,
          organisationId: organisation.id,
        });
        await createUser(database.db, actor, {
          personId: person.id,
          username: options.username,
          password,
          roles: [{ role: options.role, organisationId: roleOrganisation.id }],
        });
        console.log(`Brukeren ${options.username} er opprettet med rollen ${options.role}.`);
      }),
    );
}
