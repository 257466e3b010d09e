// Answering an access request: a decision per requested document (grant / partly with the public variant /
// refuse with section and paragraph), the § 11 merinnsyn consideration recorded, and the answer mailed to
// the requester with the legal basis, the right to appeal and the three-week deadlines. Access to one is
// access to all: a document granted as merinnsyn becomes public in the journal in the same transaction.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { legalBases } from '../../domain/offentleglova.rules.js';
import {
  checkItemDecision,
  composeAnswerText,
  type ActiveBasis,
  type AnswerItem,
} from '../../domain/public-access.rules.js';
import { badRequest, conflict, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { documentsRepo } from '../documents/index.js';
import { encodeMailBody } from '../notifications/index.js';
import { notificationsRepo } from '../notifications/index.js';
import * as repo from './access-requests.repo.js';
import { getRequest, ORGANISATION } from './access-requests.service.js';
import * as journalRepo from './journal.repo.js';
import { loadJournalViews } from './journal.service.js';
import type { AnswerInput } from './public-access.schemas.js';

export async function answerRequest(
  db: Db,
  user: CurrentUser,
  requestId: string,
  input: AnswerInput,
  context: { today: string; appealBody: string },
) {
  const request = await repo.findRequest(db, requestId);
  if (!request) throw notFound('Innsynskravet finnes ikke.');
  if (request.status === 'answered') throw conflict('Innsynskravet er allerede besvart.');
  const items = await repo.listItems(db, [requestId]);
  const decisions = new Map(input.items.map((d) => [d.itemId, d]));
  const missing = items.filter((item) => !decisions.has(item.id));
  if (
    missing.length > 0 ||
    decisions.size !== input.items.length ||
    input.items.some((d) => !items.some((i) => i.id === d.itemId))
  )
    throw badRequest('Alle dokumentene i kravet må avgjøres, og bare de.', [
      { path: 'items', message: `${missing.length} dokument(er) mangler avgjørelse` },
    ]);
  const entryIds = items.map((i) => i.journalEntryId).filter((id): id is string => id !== null);
  const views = new Map(
    (await loadJournalViews(db, context.today, { ids: entryIds })).map((v) => [v.row.entry.id, v]),
  );
  const documentIds = [...views.values()]
    .map((v) => v.row.entry.documentId)
    .filter((id): id is string => id !== null);
  const variants = await journalRepo.latestVariants(db, documentIds);

  const planned = items.map((item, index) => {
    const decision = decisions.get(item.id)!;
    const view = item.journalEntryId ? views.get(item.journalEntryId) : undefined;
    const documentId = view?.row.entry.documentId ?? null;
    const variant = documentId ? variants.get(documentId) : undefined;
    const problems = checkItemDecision(decision, {
      access: view?.access ?? {
        accessStatus: 'public',
        legalBases: [],
        serve: null,
        publicTitle: item.description,
        exemptionEndsOn: null,
        lifted: false,
      },
      hasVariant: variant !== undefined,
      hasDocument: documentId !== null,
    });
    if (problems.length > 0)
      throw badRequest(
        `Dokument ${index + 1} (${view?.access.publicTitle ?? item.description}): ${problems[0]!.message}`,
        problems.map((p) => ({ path: `items.${index}.${p.path}`, message: p.message })),
      );
    return { item, decision, view, documentId, variant };
  });

  const answeredOn = context.today;
  const answerItems: AnswerItem[] = planned.map(({ item, decision, view }) => ({
    title: view?.access.publicTitle ?? item.description,
    journalNumber: view?.journalNumber ?? null,
    decision: decision.decision,
    legalBasis: (decision.legalBasis as ActiveBasis | null) ?? null,
    section12: decision.section12,
    merinnsynAssessment: decision.merinnsynAssessment,
  }));
  const reference = repo.referenceOf(request);
  const answerText = composeAnswerText({
    reference,
    receivedOn: request.receivedOn,
    answeredOn,
    items: answerItems,
    appealBody: context.appealBody,
    organisation: ORGANISATION,
  });

  await writeAudited(db, user, async (tx, recordAudit) => {
    const locked = await repo.lockRequest(tx, requestId);
    if (locked?.status === 'answered') throw conflict('Innsynskravet er allerede besvart.');
    const attachDocuments: Array<{ id: string; label: string }> = [];
    const attachVariants: Array<{ id: string; label: string }> = [];
    for (const { item, decision, view, documentId, variant } of planned) {
      const merinnsynGranted =
        decision.decision === 'grant' && view !== undefined && view.access.accessStatus !== 'public';
      await repo.updateItem(tx, item.id, {
        decision: decision.decision,
        legalBasis: decision.legalBasis,
        section12: decision.section12,
        merinnsynAssessment: decision.merinnsynAssessment,
        merinnsynGranted,
        variantId: decision.decision === 'partly' ? variant!.id : null,
        decidedBy: user.username,
        decidedOn: answeredOn,
      });
      if (merinnsynGranted && documentId) {
        const before = await documentsRepo.findDocument(tx, documentId);
        await documentsRepo.updateDocument(tx, documentId, {
          accessStatus: 'public',
          legalBasis: null,
          shieldedWords: [],
          classifiedOn: answeredOn,
        });
        await recordAudit({
          action: 'classifyDocument',
          entityType: 'document',
          entityId: documentId,
          summary: `Merinnsyn gitt (offl. § 11) i ${reference}: dokumentet er nå offentlig`,
          before: { accessStatus: before?.accessStatus, legalBasis: before?.legalBasis },
          after: { accessStatus: 'public', legalBasis: null },
        });
      }
      if (merinnsynGranted && !documentId && view) {
        // An entry without a file (a vedtak, a protokoll, a letter): the entry itself becomes public.
        await journalRepo.updateEntry(tx, view.row.entry.id, {
          accessStatus: 'public',
          legalBasis: null,
          shieldedWords: [],
          classifiedOn: answeredOn,
        });
        await recordAudit({
          action: 'correctJournalEntry',
          entityType: 'journalEntry',
          entityId: view.row.entry.id,
          summary: `Merinnsyn gitt (offl. § 11) i ${reference}: journalposten ${view.journalNumber} er nå offentlig`,
          before: { accessStatus: view.row.entry.accessStatus, legalBasis: view.row.entry.legalBasis },
          after: { accessStatus: 'public', legalBasis: null },
        });
      }
      const label = view?.journalNumber ?? '';
      if (decision.decision === 'grant' && documentId) attachDocuments.push({ id: documentId, label });
      if (decision.decision === 'partly' && variant) attachVariants.push({ id: variant.id, label });
    }
    await repo.updateRequest(tx, requestId, {
      status: 'answered',
      answeredOn,
      answeredBy: user.username,
      answerText,
    });
    if (request.requesterEmail)
      await notificationsRepo.enqueueMail(tx, [
        {
          personId: null,
          toAddress: request.requesterEmail,
          subject: `Svar på innsynskrav ${reference}`,
          textBody: encodeMailBody({
            link: '/innsyn',
            audience: 'public',
            lines: answerText.split('\n'),
            documents: attachDocuments,
            variants: attachVariants,
          }),
        },
      ]);
    await recordAudit({
      action: 'answerAccessRequest',
      entityType: 'accessRequest',
      entityId: requestId,
      summary: `Innsynskrav ${reference} besvart: ${answerItems.map((i) => i.decision).join(', ')}`,
      after: {
        items: planned.map(({ item, decision }) => ({
          itemId: item.id,
          decision: decision.decision,
          legalBasis: decision.legalBasis ? legalBases[decision.legalBasis as ActiveBasis].text : null,
          section12: decision.section12,
          merinnsyn: decision.merinnsynAssessment,
        })),
      },
    });
  });
  return getRequest(db, requestId, context.today);
}
