import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { badRequest, conflict } from '../../shared/app-error.js';
import { hashPassword } from '../auth/index.js';
import { organisationsRepo } from '../organisations/index.js';
import * as repo from './people.repo.js';
import type { CreatePerson, CreateUser } from './people.schemas.js';

export const listPeople = (db: Db) => repo.listPeople(db);

export async function createPerson(db: Db, actor: Actor, input: CreatePerson) {
  const id = await writeAudited(db, actor, async (tx, recordAudit) => {
    if (!(await organisationsRepo.findOrganisation(tx, input.organisationId))) {
      throw badRequest('Organisasjonen finnes ikke.', [{ path: 'organisationId', message: 'Finnes ikke' }]);
    }
    const person = await repo.insertPerson(tx, input);
    await recordAudit({
      action: 'create',
      entityType: 'person',
      entityId: person.id,
      summary: `Registrerte ${person.name}`,
      after: person,
    });
    return person.id;
  });
  return (await repo.listPeople(db)).find((person) => person.id === id)!;
}

/**
 * Creates a login for a person; the password is stored only as a scrypt hash (never in the audit log). Without a
 * password the account logs in only through single sign-on: its hash is of 32 random bytes that nobody knows.
 */
export async function createUser(db: Db, actor: Actor, input: CreateUser & { isDemo?: boolean }) {
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString('base64url'));
  await writeAudited(db, actor, async (tx, recordAudit) => {
    if (!(await repo.findPerson(tx, input.personId)))
      throw badRequest('Personen finnes ikke.', [{ path: 'personId', message: 'Finnes ikke' }]);
    if (await repo.findUserByUsername(tx, input.username))
      throw conflict(`Brukernavnet ${input.username} er i bruk.`);
    if (await repo.findUserByPerson(tx, input.personId))
      throw conflict('Personen har allerede en brukerkonto.');
    for (const grant of input.roles) {
      if (!(await organisationsRepo.findOrganisation(tx, grant.organisationId))) {
        throw badRequest(`Organisasjonen for rollen ${grant.role} finnes ikke.`, [
          { path: 'roles', message: 'Ukjent organisasjon' },
        ]);
      }
    }
    const userId = await repo.insertUser(
      tx,
      { personId: input.personId, username: input.username, passwordHash, isDemo: input.isDemo ?? false },
      input.roles,
    );
    await recordAudit({
      action: 'create',
      entityType: 'user',
      entityId: userId,
      summary: `Opprettet brukeren ${input.username}`,
      after: {
        username: input.username,
        personId: input.personId,
        roles: input.roles,
        localPassword: input.password !== undefined,
      },
    });
  });
  return (await repo.listPeople(db)).find((person) => person.id === input.personId)!;
}
