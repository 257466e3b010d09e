// Access requests (innsynskrav): received from the public page (a name is optional, an address to answer to
// is not) or registered by the secretariat for requests by e-mail, letter or eInnsyn; the queue with its
// working-day deadlines. Answering is answer-access-request.ts; appeals and statistics access-appeals.ts.
import type { Db } from '../../db/client.js';
import { systemActor, writeAudited, type Actor } from '../../db/unit-of-work.js';
import { appealDeadline, requestDeadlines, requestUrgency } from '../../domain/public-access.rules.js';
import { workingDaysBetween } from '../../domain/working-days.rules.js';
import { badRequest, notFound } from '../../shared/app-error.js';
import { encodeMailBody } from '../notifications/index.js';
import { notificationsRepo } from '../notifications/index.js';
import * as repo from './access-requests.repo.js';
import * as journalRepo from './journal.repo.js';
import { loadJournalViews, type JournalView } from './journal.service.js';
import type {
  AccessRequestDto,
  PublicAccessRequestInput,
  RegisterAccessRequestInput,
} from './public-access.schemas.js';

export const ORGANISATION = 'Sykehusinnkjøp HF';
/** The actor of requests from the public page: the requester is not a user and is not logged. */
export const publicActor: Actor = systemActor('offentlig-innsynskrav');

interface NewRequest {
  channel: 'web' | 'email' | 'letter' | 'eInnsyn';
  receivedOn: string;
  journalEntryIds: string[];
  message: string;
  name: string | null;
  email: string | null;
  address: string | null;
}

async function createRequest(db: Db, actor: Actor, input: NewRequest, today: string) {
  const ids = [...new Set(input.journalEntryIds)];
  const views = ids.length > 0 ? await loadJournalViews(db, today, { ids }) : [];
  if (views.length !== ids.length)
    throw badRequest('En av journalpostene finnes ikke.', [
      { path: 'journalEntryIds', message: 'Ukjent journalpost' },
    ]);
  if (ids.length === 0 && input.message.length < 10)
    throw badRequest('Velg dokumenter fra journalen, eller beskriv hva du ber om innsyn i (minst 10 tegn).', [
      { path: 'message', message: 'Beskriv hva kravet gjelder' },
    ]);
  if (!input.email && !input.address)
    throw badRequest('Oppgi en e-postadresse eller postadresse svaret kan sendes til.', [
      { path: 'email', message: 'Mangler adresse for svar' },
    ]);
  if (input.receivedOn > today)
    throw badRequest('Mottatt-datoen kan ikke være frem i tid.', [
      { path: 'receivedOn', message: 'Fremtidig dato' },
    ]);
  const deadlines = requestDeadlines(input.receivedOn);
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const year = Number(input.receivedOn.slice(0, 4));
    const request = await repo.insertRequest(tx, {
      year,
      sequenceNumber: await repo.nextSequence(tx, year),
      channel: input.channel,
      requesterName: input.name,
      requesterEmail: input.email,
      requesterAddress: input.address,
      message: input.message,
      receivedOn: input.receivedOn,
      dueOn: deadlines.dueOn,
      deemedRefusedAfter: deadlines.deemedRefusedAfter,
      registeredBy: actor.username,
    });
    // Items are described by their public title: what the requester could see when asking.
    const items: Array<{ requestId: string; journalEntryId: string | null; description: string }> = views.map(
      (view) => ({
        requestId: request.id,
        journalEntryId: view.row.entry.id,
        description: `${view.journalNumber} ${view.access.publicTitle}`,
      }),
    );
    if (items.length === 0)
      items.push({ requestId: request.id, journalEntryId: null, description: input.message.slice(0, 300) });
    await repo.insertItems(tx, items);
    const reference = repo.referenceOf(request);
    if (input.email)
      await notificationsRepo.enqueueMail(tx, [
        {
          personId: null,
          toAddress: input.email,
          subject: `Innsynskrav mottatt: ${reference}`,
          textBody: encodeMailBody({
            link: '/innsyn',
            audience: 'public',
            lines: [
              `Vi har mottatt innsynskravet ditt (${reference}) ${input.receivedOn}.`,
              `Det gjelder ${items.length} ${items.length === 1 ? 'dokument' : 'dokumenter'}. Vi tar sikte på å svare innen ${deadlines.dueOn} (tre arbeidsdager).`,
              `Har du ikke fått svar etter fem arbeidsdager (etter ${deadlines.deemedRefusedAfter}), regnes det som et avslag du kan klage på (offentleglova § 32).`,
              '',
              `Med hilsen`,
              ORGANISATION,
            ],
          }),
        },
      ]);
    await recordAudit({
      action: 'receiveAccessRequest',
      entityType: 'accessRequest',
      entityId: request.id,
      summary: `Innsynskrav ${reference} mottatt (${input.channel}), ${items.length} dokument(er)`,
      after: { reference, channel: input.channel, journalEntryIds: ids, dueOn: deadlines.dueOn },
    });
    return { request, reference, documents: items.length };
  });
}

/** From the public page, without login. */
export async function submitPublicRequest(db: Db, input: PublicAccessRequestInput, today: string) {
  const { request, reference, documents } = await createRequest(
    db,
    publicActor,
    { ...input, channel: 'web', receivedOn: today, address: null },
    today,
  );
  return {
    reference,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    deemedRefusedAfter: request.deemedRefusedAfter,
    documents,
  };
}

/** By the secretariat, for a request that came by e-mail, letter or eInnsyn. */
export async function registerRequest(
  db: Db,
  actor: Actor,
  input: RegisterAccessRequestInput,
  today: string,
) {
  const { request } = await createRequest(db, actor, input, today);
  return getRequest(db, request.id, today);
}

export async function buildDtos(
  db: Db,
  rows: repo.AccessRequestRow[],
  today: string,
): Promise<AccessRequestDto[]> {
  const ids = rows.map((r) => r.id);
  const [items, appeals] = await Promise.all([repo.listItems(db, ids), repo.listAppeals(db, ids)]);
  const entryIds = [...new Set(items.map((i) => i.journalEntryId).filter((id): id is string => id !== null))];
  const views = new Map<string, JournalView>(
    entryIds.length > 0
      ? (await loadJournalViews(db, today, { ids: entryIds })).map((v) => [v.row.entry.id, v])
      : [],
  );
  const variants = await variantFlags(db, [...views.values()]);
  return rows.map((row) => ({
    id: row.id,
    reference: repo.referenceOf(row),
    channel: row.channel,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    requesterAddress: row.requesterAddress,
    message: row.message,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    deemedRefusedAfter: row.deemedRefusedAfter,
    status: row.status,
    urgency: requestUrgency(row, today),
    workingDaysElapsed: workingDaysBetween(row.receivedOn, row.answeredOn ?? today),
    deemedRefusedOn: row.deemedRefusedOn,
    answeredOn: row.answeredOn,
    answeredBy: row.answeredBy,
    answerText: row.answerText,
    appealDeadline: row.answeredOn ? appealDeadline(row.answeredOn) : null,
    items: items
      .filter((item) => item.requestId === row.id)
      .map((item) => {
        const view = item.journalEntryId ? views.get(item.journalEntryId) : undefined;
        return {
          id: item.id,
          journalEntryId: item.journalEntryId,
          description: item.description,
          journalNumber: view?.journalNumber ?? null,
          publicTitle: view?.access.publicTitle ?? null,
          title: view?.row.entry.title ?? null,
          documentId: view?.row.entry.documentId ?? null,
          accessStatus: view?.access.accessStatus ?? null,
          legalBasis: view?.row.document?.legalBasis ?? view?.row.entry.legalBasis ?? null,
          hasVariant: view?.row.entry.documentId ? variants.has(view.row.entry.documentId) : false,
          decision: item.decision,
          decisionLegalBasis: item.legalBasis,
          section12: item.section12,
          merinnsynAssessment: item.merinnsynAssessment,
          decidedBy: item.decidedBy,
          decidedOn: item.decidedOn,
        };
      }),
    appeals: appeals
      .filter((appeal) => appeal.requestId === row.id)
      .map((appeal) => ({
        id: appeal.id,
        receivedOn: appeal.receivedOn,
        reason: appeal.reason,
        appealBody: appeal.appealBody,
        forwardedOn: appeal.forwardedOn,
        outcome: appeal.outcome,
        outcomeOn: appeal.outcomeOn,
        outcomeNote: appeal.outcomeNote,
      })),
  }));
}

async function variantFlags(db: Db, views: JournalView[]) {
  const documentIds = views.map((v) => v.row.entry.documentId).filter((id): id is string => id !== null);
  return new Set((await journalRepo.latestVariants(db, documentIds)).keys());
}

/** One page of the queue (oldest first), filtered and paged in SQL, with the total matching the filter. */
export async function listRequests(
  db: Db,
  query: {
    status: 'open' | 'all' | repo.AccessRequestRow['status'];
    limit: number;
    offset: number;
  },
  today: string,
) {
  const statuses =
    query.status === 'all'
      ? null
      : query.status === 'open'
        ? (['received', 'deemedRefused'] as const)
        : ([query.status] as const);
  const page = await repo.listRequestPage(db, statuses ? [...statuses] : null, query);
  return {
    items: await buildDtos(db, page.rows, today),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function getRequest(db: Db, id: string, today: string) {
  const row = await repo.findRequest(db, id);
  if (!row) throw notFound('Innsynskravet finnes ikke.');
  const [dto] = await buildDtos(db, [row], today);
  return dto!;
}
