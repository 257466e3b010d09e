// Appeals (klage, offl. § 32) registered and sent to the appeal body, their outcome recorded; requests not
// answered within five working days marked «regnes som avslag» and the requester told; monthly statistics.
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited } from '../../db/unit-of-work.js';
import {
  composeDeemedRefusalText,
  monthlyStatistics,
  type MonthStatistics,
} from '../../domain/public-access.rules.js';
import { conflict, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { encodeMailBody } from '../notifications/index.js';
import { notificationsRepo } from '../notifications/index.js';
import * as repo from './access-requests.repo.js';
import { getRequest, ORGANISATION } from './access-requests.service.js';

export interface AppealContext {
  today: string;
  appealBody: string;
  appealBodyEmail: string | undefined;
}

export async function registerAppeal(
  db: Db,
  user: CurrentUser,
  requestId: string,
  input: { receivedOn: string; reason: string },
  context: AppealContext,
) {
  const request = await repo.findRequest(db, requestId);
  if (!request) throw notFound('Innsynskravet finnes ikke.');
  if (request.status === 'received')
    throw conflict('Kravet er verken besvart eller regnes som avslag ennå: det er ingenting å klage på.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    const appeal = await repo.insertAppeal(tx, {
      requestId,
      receivedOn: input.receivedOn,
      reason: input.reason,
      appealBody: context.appealBody,
      registeredBy: user.username,
    });
    await recordAudit({
      action: 'registerAppeal',
      entityType: 'accessAppeal',
      entityId: appeal.id,
      summary: `Klage på innsynskrav ${repo.referenceOf(request)} registrert`,
      after: input,
    });
  });
  return getRequest(db, requestId, context.today);
}

/** Sends the appeal with the case (request, decisions, answer) to the appeal body. */
export async function forwardAppeal(db: Db, user: CurrentUser, appealId: string, context: AppealContext) {
  const appeal = await repo.findAppeal(db, appealId);
  if (!appeal) throw notFound('Klagen finnes ikke.');
  if (appeal.forwardedOn) throw conflict(`Klagen ble sendt til klageinstansen ${appeal.forwardedOn}.`);
  const request = (await repo.findRequest(db, appeal.requestId))!;
  const dto = await getRequest(db, request.id, context.today);
  const reference = dto.reference;
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.updateAppeal(tx, appealId, { forwardedOn: context.today });
    if (context.appealBodyEmail)
      await notificationsRepo.enqueueMail(tx, [
        {
          personId: null,
          toAddress: context.appealBodyEmail,
          subject: `Klage på innsynskrav ${reference} oversendes`,
          textBody: encodeMailBody({
            link: `/innsynskrav/${request.id}`,
            audience: 'public',
            lines: [
              `${ORGANISATION} har vurdert klagen og opprettholder avgjørelsen. Klagen oversendes ${context.appealBody} til behandling, jf. offentleglova § 32.`,
              '',
              `Innsynskrav: ${reference}, mottatt ${dto.receivedOn}.`,
              `Klage mottatt ${appeal.receivedOn}: ${appeal.reason}`,
              '',
              'Avgjørelsen som er påklaget:',
              ...(dto.answerText
                ? dto.answerText.split('\n')
                : [`Ikke besvart innen fem arbeidsdager (regnes som avslag ${dto.deemedRefusedOn ?? ''}).`]),
              '',
              'De unntatte dokumentene sendes klageinstansen på egen, sikker kanal.',
            ],
          }),
        },
      ]);
    await recordAudit({
      action: 'forwardAppeal',
      entityType: 'accessAppeal',
      entityId: appealId,
      summary: `Klage på ${reference} sendt til ${context.appealBody}`,
      after: { forwardedOn: context.today, to: context.appealBodyEmail ?? null },
    });
  });
  return getRequest(db, request.id, context.today);
}

export async function recordAppealOutcome(
  db: Db,
  user: CurrentUser,
  appealId: string,
  input: { outcome: 'upheld' | 'partlyReversed' | 'reversed'; note: string | null },
  today: string,
) {
  const appeal = await repo.findAppeal(db, appealId);
  if (!appeal) throw notFound('Klagen finnes ikke.');
  if (appeal.outcome !== 'pending') throw conflict('Utfallet av klagen er allerede registrert.');
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.updateAppeal(tx, appealId, {
      outcome: input.outcome,
      outcomeOn: today,
      outcomeNote: input.note,
    });
    await recordAudit({
      action: 'recordAppealOutcome',
      entityType: 'accessAppeal',
      entityId: appealId,
      summary: `Utfall av klage registrert: ${input.outcome}`,
      before: { outcome: 'pending' },
      after: input,
    });
  });
  return getRequest(db, appeal.requestId, today);
}

const alreadyHandled = new Error('already handled');

/**
 * Marks unanswered requests past their fifth working day as «regnes som avslag» (§ 32 first paragraph) and
 * tells the requester they may appeal. Idempotent: a marked request is not marked or mailed again.
 */
export async function markDeemedRefusals(db: Db, context: { today: string; appealBody: string }) {
  const due = await repo.listDueForDeemedRefusal(db, context.today);
  let marked = 0;
  for (const request of due) {
    await writeAudited(db, systemActor('innsyn-frister'), async (tx, recordAudit) => {
      const locked = await repo.lockRequest(tx, request.id);
      // Answered meanwhile (another process): nothing to mark; the rollback of an empty transaction is harmless.
      if (locked?.status !== 'received') throw alreadyHandled;
      await repo.updateRequest(tx, request.id, { status: 'deemedRefused', deemedRefusedOn: context.today });
      const reference = repo.referenceOf(request);
      if (request.requesterEmail)
        await notificationsRepo.enqueueMail(tx, [
          {
            personId: null,
            toAddress: request.requesterEmail,
            subject: `Innsynskrav ${reference}: regnes som avslag`,
            textBody: encodeMailBody({
              link: '/innsyn',
              audience: 'public',
              lines: composeDeemedRefusalText({
                reference,
                receivedOn: request.receivedOn,
                deemedRefusedOn: context.today,
                appealBody: context.appealBody,
                organisation: ORGANISATION,
              }).split('\n'),
            }),
          },
        ]);
      await recordAudit({
        action: 'deemAccessRequestRefused',
        entityType: 'accessRequest',
        entityId: request.id,
        summary: `Innsynskrav ${reference} ikke besvart innen fem arbeidsdager: regnes som avslag`,
        after: { deemedRefusedOn: context.today },
      });
      marked += 1;
    }).catch((error: unknown) => {
      if (error !== alreadyHandled) throw error;
    });
  }
  return marked;
}

export async function accessStatistics(db: Db, year: number | undefined): Promise<MonthStatistics[]> {
  const requests = (await repo.listRequests(db, null)).filter((r) => year === undefined || r.year === year);
  const ids = requests.map((r) => r.id);
  const [items, appeals] = await Promise.all([repo.listItems(db, ids), repo.listAppeals(db, ids)]);
  return monthlyStatistics(
    requests.map((r) => ({
      receivedOn: r.receivedOn,
      answeredOn: r.answeredOn,
      wasDeemedRefused: r.deemedRefusedOn !== null,
      decisions: items.filter((i) => i.requestId === r.id).map((i) => i.decision),
      appeals: appeals.filter((a) => a.requestId === r.id).map((a) => a.outcome),
    })),
  );
}

const statisticsColumns: Array<[keyof MonthStatistics, string]> = [
  ['month', 'Måned'],
  ['requests', 'Innsynskrav'],
  ['answeredWithin1', 'Besvart innen 1 arbeidsdag'],
  ['answeredWithin3', 'Besvart innen 3 arbeidsdager'],
  ['answeredWithin5', 'Besvart innen 5 arbeidsdager'],
  ['answeredLater', 'Besvart senere'],
  ['unanswered', 'Ubesvart'],
  ['deemedRefused', 'Regnet som avslag'],
  ['granted', 'Dokumenter: innsyn'],
  ['partly', 'Dokumenter: delvis innsyn'],
  ['refused', 'Dokumenter: avslag'],
  ['appeals', 'Klager'],
  ['appealsUpheld', 'Klager: avslag opprettholdt'],
  ['appealsReversed', 'Klager: omgjort helt eller delvis'],
  ['appealsPending', 'Klager: til behandling'],
];

export function statisticsCsv(rows: MonthStatistics[]): string {
  const lines = [statisticsColumns.map(([, label]) => label).join(';')];
  for (const row of rows) lines.push(statisticsColumns.map(([key]) => String(row[key])).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
