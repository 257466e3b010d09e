// The weekly digest per RHF contact (issue 9 item 7; seed 001 §7 "Kontaktperson RHF", Vedlegg 01 §7.7): status
// of the region's planned and ad-hoc procurements, risk changes, important and high-risk procurements, open
// cases and what awaits the RHF's answer. A page (live) and an e-mail, once per contact per ISO week (the job).
import type { Db } from '../../../db/client.js';
import { writeAudited, type Actor } from '../../../db/unit-of-work.js';
import { participatingRhfIds } from '../../../domain/level.rules.js';
import {
  composeRhfDigest,
  digestMailLines,
  isoWeek,
  type DigestAwaiting,
  type DigestProcurement,
  type RhfDigest,
} from '../../../domain/rhf-information.rules.js';
import type { Gate } from '../../../domain/involvement.rules.js';
import { forbidden } from '../../../shared/app-error.js';
import { isSecretariat, organisationsForRole, type CurrentUser } from '../../auth/index.js';
import { homeRepo } from '../../home/index.js';
import { notify } from '../../notifications/index.js';
import { organisationsRepo } from '../../organisations/index.js';
import { procurementsRepo } from '../../procurements/index.js';
import * as governanceRepo from '../governance.repo.js';
import * as habilitetRepo from './habilitet.repo.js';
import * as repo from './rhf-digest.repo.js';
import * as discussionRepo from './rhf-discussion.repo.js';

export const digestLink = '/habilitet/ukesoversikt';

/** What the RHF is to answer: escalations, "drøftes med RHF-ene", habilitet, plan feedback, appointment checks. */
async function awaitingRhf(db: Db, rhfId: string, today: string): Promise<DigestAwaiting[]> {
  const [escalations, discussions, questions, planItems, unchecked] = await Promise.all([
    homeRepo.listEscalationsAwaiting(db, [rhfId]),
    discussionRepo.listAwaitingAcknowledgement(db, [rhfId]),
    habilitetRepo.listQuestions(db, { rhfIds: [rhfId], status: 'pending' }),
    homeRepo.listAnnualPlanItemsAwaitingFeedback(db, rhfId),
    repo.listMembershipsWithoutCheck(db, rhfId, today),
  ]);
  return [
    ...escalations.map((row) => ({
      kind: 'escalation' as const,
      title: `${row.title} (${row.procurementName})`,
      link: `/saker/${row.id}`,
    })),
    ...discussions.map((row) => ({
      kind: 'rhfDiscussion' as const,
      title: `${row.title} (${row.procurementName})`,
      link: `/saker/${row.caseId}`,
    })),
    ...questions.map((row) => ({
      kind: 'habilitetQuestion' as const,
      title: `${row.personName}: ${row.caseTitle}`,
      link: `/saker/${row.caseId}`,
    })),
    ...planItems.map((row) => ({
      kind: 'annualPlanFeedback' as const,
      title: `${row.procurementName} (anskaffelsesplan ${row.year})`,
      link: `/anskaffelsesplan/${row.year}`,
    })),
    ...unchecked.map((row) => ({
      kind: 'appointmentCheck' as const,
      title: `${row.personName} (${row.steeringGroupName})`,
      link: `/styringsgrupper/${row.steeringGroupId}`,
    })),
  ];
}

export async function buildRhfDigest(db: Db, rhfId: string, today: string): Promise<RhfDigest> {
  const [organisations, rows, planned, cases] = await Promise.all([
    organisationsRepo.listOrganisations(db),
    procurementsRepo.listProcurementRows(db),
    repo.plannedProcurementIds(db, Number(today.slice(0, 4))),
    governanceRepo.listCases(db),
  ]);
  const hfs = organisations
    .filter((org) => org.kind === 'HF' && org.rhfId !== null)
    .map((org) => ({ id: org.id, rhfId: org.rhfId! }));
  const region = rows.filter((row) => participatingRhfIds(row.participatingHfIds, hfs).includes(rhfId));
  const regionIds = region.map((row) => row.id);
  const [risks, significance, previous] = await Promise.all([
    repo.listRiskHistory(db, regionIds),
    repo.listSignificanceHistory(db, regionIds),
    repo.previousDigestOf(db, rhfId, isoWeek(today).label),
  ]);
  const procurements: DigestProcurement[] = region.map((row) => {
    const decisions = significance.filter((s) => s.procurementId === row.id);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      planned: planned.has(row.id),
      riskProfile: risks.filter((r) => r.procurementId === row.id).at(-1)?.profile ?? null,
      significance:
        decisions.filter((s) => s.kind === 'final').at(-1)?.value ??
        decisions.filter((s) => s.kind === 'initial').at(-1)?.value ??
        null,
    };
  });
  return composeRhfDigest({
    rhfId,
    rhfName: organisations.find((org) => org.id === rhfId)?.name ?? rhfId,
    today,
    procurements,
    previous,
    cases: cases
      .filter((c) => c.participatingRhfIds.includes(rhfId))
      .map((c) => ({
        id: c.id,
        title: c.title,
        procurementName: c.procurementName,
        status: c.status,
        gate: c.gate as Gate,
      })),
    awaiting: await awaitingRhf(db, rhfId, today),
  });
}

/** The page: the viewer's RHFs (the secretariat: one RHF asked for, or every RHF). */
export async function getRhfDigests(db: Db, user: CurrentUser, today: string, rhfId?: string) {
  let rhfIds = organisationsForRole(user, 'rhfContact');
  if (isSecretariat(user)) {
    const rhfs = (await organisationsRepo.listOrganisations(db)).filter((org) => org.kind === 'RHF');
    rhfIds = rhfId ? rhfs.filter((org) => org.id === rhfId).map((org) => org.id) : rhfs.map((org) => org.id);
  } else if (rhfId) {
    if (!rhfIds.includes(rhfId)) throw forbidden('Du ser bare ukesoversikten for ditt eget RHF.');
    rhfIds = [rhfId];
  }
  if (rhfIds.length === 0)
    throw forbidden('Bare kontaktpersoner i RHF-ene og sekretariatet ser ukesoversikten.');
  const digests = [];
  for (const id of rhfIds) digests.push(await buildRhfDigest(db, id, today));
  return { week: isoWeek(today).label, lastSent: await repo.latestDigestOf(db, user.personId), digests };
}

class AlreadySent extends Error {}

/**
 * The weekly job: each RHF contact without this ISO week's digest gets it (inbox + e-mail), one transaction
 * per contact. The (person, week) key makes a second run, or a second server, send nothing.
 */
export async function sendWeeklyDigests(db: Db, actor: Actor, today: string) {
  const week = isoWeek(today).label;
  const [contacts, done] = await Promise.all([repo.listRhfContacts(db), repo.personsWithDigest(db, week)]);
  let sent = 0;
  for (const contact of contacts.filter((c) => !done.has(c.personId))) {
    const digests: RhfDigest[] = [];
    for (const rhfId of contact.rhfIds) digests.push(await buildRhfDigest(db, rhfId, today));
    try {
      await writeAudited(db, actor, async (tx, recordAudit) => {
        if (
          !(await repo.insertDigest(tx, {
            personId: contact.personId,
            isoWeek: week,
            rhfIds: contact.rhfIds,
            content: digests,
            sentOn: today,
          }))
        )
          throw new AlreadySent();
        const names = digests.map((d) => d.rhfName).join(', ');
        const awaiting = digests.reduce((n, d) => n + d.awaiting.length, 0);
        await notify(tx, [contact.personId], {
          kind: 'rhfDigest',
          title: `Ukesoversikt uke ${isoWeek(today).week} for ${names}`,
          body: `${digests.reduce((n, d) => n + d.openCases.length, 0)} åpne saker, ${digests.reduce((n, d) => n + d.highRisk.length, 0)} viktige eller med høy risiko, ${awaiting} venter på svar fra dere.`,
          link: digestLink,
          mail: { lines: digests.flatMap((d, i) => [...(i > 0 ? [''] : []), ...digestMailLines(d)]) },
        });
        await recordAudit({
          action: 'sendRhfDigest',
          entityType: 'rhfDigest',
          entityId: contact.personId,
          summary: `Ukesoversikt ${week} sendt til kontaktperson for ${names}`,
          after: { isoWeek: week, rhfIds: contact.rhfIds, awaiting },
        });
      });
      sent += 1;
    } catch (error) {
      if (!(error instanceof AlreadySent)) throw error;
    }
  }
  return sent;
}
