// A substitute for one case (issue 9 item 5; seed 001 §5.2): when a case is "ikke beslutningsdyktig" because an
// RHF has no deciding member, that RHF (its contact, or the secretariat on its behalf) appoints a substitute who
// decides this case only. The appointment is the RHF's habilitet check for it; the substitute still answers.
import type { Db } from '../../../db/client.js';
import { writeAudited } from '../../../db/unit-of-work.js';
import { badRequest, conflict, forbidden, notFound } from '../../../shared/app-error.js';
import type { CurrentUser } from '../../auth/index.js';
import { notify } from '../../notifications/index.js';
import { peopleRepo } from '../../people/index.js';
import { refreshElectorate } from '../case-electorate.js';
import { getCase } from '../cases/case-view.js';
import * as governanceRepo from '../governance.repo.js';
import { loadCaseHabilitet } from './case-habilitet.js';
import { decidingCapacity } from './habilitet-capacity.js';
import * as repo from './substitutes.repo.js';

export async function appointSubstitute(
  db: Db,
  user: CurrentUser,
  caseId: string,
  input: { rhfId: string; personId: string; reason: string },
  today: string,
) {
  const capacity = decidingCapacity(user, input.rhfId);
  if (!capacity)
    throw forbidden(
      'Bare RHF-ets kontaktperson (eller sekretariatet på RHF-ets vegne) oppnevner stedfortreder.',
    );
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await governanceRepo.lockCase(tx, caseId))) throw notFound('Saken finnes ikke.');
    const row = (await governanceRepo.findCase(tx, caseId))!;
    if (row.status !== 'open')
      throw conflict('Stedfortreder oppnevnes bare mens saken er åpen for stemmegivning.');
    if (!row.participatingRhfIds.includes(input.rhfId))
      throw badRequest('Dette RHF-et deltar ikke i anskaffelsen.', [
        { path: 'rhfId', message: 'Deltar ikke' },
      ]);
    const picture = await loadCaseHabilitet(tx, row, today);
    const lacking = picture.tally.status === 'notQuorate' ? picture.tally.lacking : [];
    if (!lacking.some((l) => l.rhfId === input.rhfId))
      throw conflict(
        'RHF-et har allerede et medlem som kan avgjøre saken; stedfortreder oppnevnes bare når saken ikke er beslutningsdyktig uten.',
      );
    const person = (await peopleRepo.listPeople(tx)).find((p) => p.id === input.personId);
    if (!person) throw badRequest('Personen finnes ikke.', [{ path: 'personId', message: 'Ukjent person' }]);
    if (!person.roles.some((r) => r.role === 'steeringGroupMember'))
      throw badRequest('Stedfortrederen må ha en pålogging med rollen styringsgruppemedlem.', [
        { path: 'personId', message: 'Mangler rollen styringsgruppemedlem' },
      ]);
    if (picture.members.some((m) => m.personId === input.personId))
      throw conflict('Personen avgjør allerede saken.');
    if (
      (await governanceRepo.listFaggruppe(tx, row.procurementId)).some((f) => f.personId === input.personId)
    )
      throw conflict('Et medlem av faggruppen kan ikke avgjøre saken i styringsgruppen.');
    await repo.insertSubstitute(tx, {
      caseId,
      personId: input.personId,
      rhfId: input.rhfId,
      reason: input.reason,
      appointedByPersonId: user.personId,
      appointedByName: user.personName,
      appointedAs: capacity,
      appointedOn: today,
    });
    await refreshElectorate(tx, recordAudit, row, today);
    await notify(tx, [input.personId], {
      kind: 'caseAwaitingVote',
      title: `Du er oppnevnt som stedfortreder i saken «${row.title}»`,
      body: `${row.procurementName}: oppnevnt for denne saken. Svar på habilitet før du leser unntatte dokumenter og stemmer.`,
      link: `/saker/${caseId}`,
    });
    await recordAudit({
      action: 'appointSubstitute',
      entityType: 'case',
      entityId: caseId,
      summary: `Stedfortreder ${person.name} oppnevnt for «${row.title}» (${capacity === 'secretariat' ? 'sekretariatet på RHF-ets vegne' : user.personName})`,
      after: { ...input, appointedAs: capacity },
    });
  });
  return getCase(db, user, caseId, today);
}
