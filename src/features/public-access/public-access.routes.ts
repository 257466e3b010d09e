// Routes of public access. Everything under /api/public is open without login (access: 'public') and
// answers only with the public projection; every response schema lists the fields that may leave.
// The secretariat's journal, public variants and access-request queue are below, for the secretariat only.
import { z } from 'zod';
import { idParams, pageOf, pageQuery, searchText } from '../../shared/schemas.js';
import { forbidden, notFound } from '../../shared/app-error.js';
import { requireUser, sendFileDownload, type App, type AppDeps } from '../../shared/http.js';
import { documentsRepo } from '../documents/index.js';
import {
  accessStatistics,
  forwardAppeal,
  recordAppealOutcome,
  registerAppeal,
  statisticsCsv,
} from './access-appeals.js';
import * as requests from './access-requests.service.js';
import { answerRequest } from './answer-access-request.js';
import { einnsynExport, journalCsv } from './journal-export.js';
import * as journalRepo from './journal.repo.js';
import * as journal from './journal.service.js';
import { listPublicDecisionPage, listPublicMeetingPage, listPublicMeetings } from './public-pages.service.js';
import * as variants from './public-variants.service.js';
import {
  accessRequestListQuery,
  accessRequestSchema,
  answerSchema,
  appealOutcomeSchema,
  exportQuery,
  journalCorrectionSchema,
  journalPageSchema,
  journalQuery,
  monthStatisticsSchema,
  newAppealSchema,
  newJournalEntrySchema,
  publicAccessReceiptSchema,
  publicAccessRequestSchema,
  publicDecisionSchema,
  publicJournalEntrySchema,
  publicMeetingSchema,
  redactSchema,
  registerAccessRequestSchema,
  secretariatJournalEntrySchema,
  statisticsQuery,
  uploadVariantSchema,
  variantSchema,
} from './public-access.schemas.js';
import { routesFor } from '../../shared/route.js';

const publicTags = ['public-access'];
const secretariatTags = ['public-access (secretariat)'];
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;
const groupFilterQuery = z.object({
  steeringGroupId: z.string().uuid('Ugyldig id').optional(),
  q: searchText(200).optional(),
});

export function registerPublicAccessRoutes(app: App, { db, clock, config }: AppDeps) {
  const route = routesFor(app, publicTags);
  // ---- public, without login
  route.get(
    '/api/public/journal',
    {
      access: 'public',
      tags: publicTags,
      summary: 'Offentlig journal: search and filter (public titles only)',
      querystring: journalQuery,
      response: journalPageSchema(publicJournalEntrySchema),
    },
    (request) => journal.listPublicJournal(db, request.query, clock.today()),
  );
  route.get(
    '/api/public/journal/export',
    {
      access: 'public',
      tags: publicTags,
      summary:
        'The public journal as CSV or as JSON in eInnsyn shape (saksmappe/journalpost/moetemappe/moetesak)',
      querystring: exportQuery,
    },
    async (request, reply) => {
      const entries = (await journal.loadJournalViews(db, clock.today())).map(journal.publicJournalEntry);
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="offentlig-journal.csv"')
          .send(journalCsv(entries));
      const meetings = (await listPublicMeetings(db, clock.today())).filter((m) => m.agendaPublished);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="einnsyn-journal.json"')
        .send(
          einnsynExport(entries, meetings, {
            publicUrl: config.publicUrl,
            generatedAt: `${clock.today()}T00:00:00Z`,
          }),
        );
    },
  );
  route.get(
    '/api/public/journal/:id',
    {
      access: 'public',
      tags: publicTags,
      summary: 'One journal entry (public fields)',
      params: idParams,
      response: publicJournalEntrySchema,
    },
    async (request) =>
      journal.publicJournalEntry(await journal.getPublicEntry(db, request.params.id, clock.today())),
  );
  route.get(
    '/api/public/journal/:id/file',
    {
      access: 'public',
      tags: publicTags,
      summary: 'Download a public document, or the public variant of a partly exempt one',
      params: idParams,
    },
    async (request, reply) => {
      const view = await journal.getPublicEntry(db, request.params.id, clock.today());
      const documentId = view.row.entry.documentId;
      if (view.access.serve === null || !documentId) {
        const basis =
          view.access.legalBases.length > 0
            ? ` (${journal.publicJournalEntry(view).legalBasisTexts.join('; ')})`
            : '';
        throw view.access.accessStatus === 'public'
          ? notFound('Journalposten har ingen fil i portalen. Du kan be om innsyn.')
          : forbidden(`Dokumentet er unntatt offentlighet${basis}. Du kan be om innsyn.`);
      }
      if (view.access.serve === 'variant') {
        const variant = await variants.readVariant(db, documentId);
        return sendFileDownload(reply, variant);
      }
      const content = await documentsRepo.findContent(db, documentId);
      if (!content) throw notFound('Dokumentet har ingen versjon.');
      return sendFileDownload(reply, content);
    },
  );
  route.get(
    '/api/public/filters',
    {
      access: 'public',
      tags: publicTags,
      summary: 'Steering groups and procurements that have journal entries (for the filters)',
      response: z.object({
        steeringGroups: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
        procurements: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    },
    async () => {
      const rows = await journalRepo.listEntries(db);
      const groups = new Map(rows.map((r) => [r.group.id, r.group]));
      const procurements = new Map(
        rows
          .filter((r) => r.procurement?.id)
          .map((r) => [r.procurement!.id, { id: r.procurement!.id, name: r.procurement!.name }]),
      );
      return {
        steeringGroups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')),
        procurements: [...procurements.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      };
    },
  );
  route.get(
    '/api/public/decisions',
    {
      access: 'public',
      tags: publicTags,
      summary:
        'The decision register (vedtak) of the steering groups, newest first; search on the public text; paged (limit/offset, total)',
      querystring: groupFilterQuery.extend(pageQuery),
      response: pageOf(publicDecisionSchema),
    },
    (request) => listPublicDecisionPage(db, clock.today(), request.query),
  );
  route.get(
    '/api/public/meetings',
    {
      access: 'public',
      tags: publicTags,
      summary:
        'Meetings with a published agenda (invitation sent or minutes approved), newest first, with their approved minutes; paged (limit/offset, total)',
      querystring: z.object({ steeringGroupId: z.string().uuid('Ugyldig id').optional() }).extend(pageQuery),
      response: pageOf(publicMeetingSchema),
    },
    (request) => listPublicMeetingPage(db, clock.today(), request.query),
  );
  route.post(
    '/api/public/access-requests',
    {
      access: 'public',
      tags: publicTags,
      summary: 'Ask for access (innsynskrav): an e-mail address to answer to; a name is optional',
      body: publicAccessRequestSchema,
      response: { 201: publicAccessReceiptSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await requests.submitPublicRequest(db, request.body, clock.today())),
  );

  // ---- the secretariat's journal
  route.get(
    '/api/journal',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'The journal with full titles',
      querystring: journalQuery,
      response: journalPageSchema(secretariatJournalEntrySchema),
    },
    (request) => journal.listSecretariatJournal(db, request.query, clock.today()),
  );
  route.post(
    '/api/journal',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Register an entry (a letter, an e-mail, a document from an RHF)',
      body: newJournalEntrySchema,
      response: { 201: secretariatJournalEntrySchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await journal.addJournalEntry(db, requireUser(request), request.body, clock.today())),
  );
  route.patch(
    '/api/journal/:id',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Correct an entry (audited)',
      params: idParams,
      body: journalCorrectionSchema,
      response: secretariatJournalEntrySchema,
    },
    (request) =>
      journal.correctJournalEntry(db, requireUser(request), request.params.id, request.body, clock.today()),
  );

  // ---- public variants
  route.post(
    '/api/documents/:id/public-variant/redact',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Redact a PDF (words, areas; each with its legal basis): the text is removed from the file',
      params: idParams,
      body: redactSchema,
      response: { 201: variantSchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await variants.redactDocument(
            db,
            requireUser(request),
            request.params.id,
            request.body,
            clock.today(),
          ),
        ),
  );
  route.post(
    '/api/documents/:id/public-variant',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Upload the public variant (formats the portal cannot redact)',
      params: idParams,
      body: uploadVariantSchema,
      response: { 201: variantSchema },
      bodyLimit: UPLOAD_BODY_LIMIT,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await variants.uploadVariant(
            db,
            requireUser(request),
            request.params.id,
            request.body,
            clock.today(),
          ),
        ),
  );
  route.get(
    '/api/documents/:id/public-variants',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: "The document's current public variant",
      params: idParams,
      response: z.array(variantSchema),
    },
    (request) => variants.listVariants(db, request.params.id),
  );
  route.get(
    '/api/documents/:id/public-variant/content',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Download the public variant (to check it)',
      params: idParams,
    },
    async (request, reply) => sendFileDownload(reply, await variants.readVariant(db, request.params.id)),
  );

  // ---- access requests
  route.get(
    '/api/access-requests',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'The queue with working-day deadlines',
      querystring: accessRequestListQuery,
      response: pageOf(accessRequestSchema),
    },
    (request) => requests.listRequests(db, request.query, clock.today()),
  );
  route.post(
    '/api/access-requests',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Register a request that came by e-mail, letter or eInnsyn',
      body: registerAccessRequestSchema,
      response: { 201: accessRequestSchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requests.registerRequest(db, requireUser(request), request.body, clock.today())),
  );
  route.get(
    '/api/access-requests/statistics',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Requests per month: answer times, decisions, appeals',
      querystring: statisticsQuery,
      response: z.array(monthStatisticsSchema),
    },
    (request) => accessStatistics(db, request.query.year),
  );
  route.get(
    '/api/access-requests/statistics.csv',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'The statistics as CSV',
      querystring: statisticsQuery,
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="innsynsstatistikk${request.query.year ? `-${request.query.year}` : ''}.csv"`,
        )
        .send(statisticsCsv(await accessStatistics(db, request.query.year))),
  );
  route.get(
    '/api/access-requests/:id',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'One request',
      params: idParams,
      response: accessRequestSchema,
    },
    (request) => requests.getRequest(db, request.params.id, clock.today()),
  );
  route.post(
    '/api/access-requests/:id/answer',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Decide every document and send the answer (legal basis, appeal, deadlines)',
      params: idParams,
      body: answerSchema,
      response: accessRequestSchema,
    },
    (request) =>
      answerRequest(db, requireUser(request), request.params.id, request.body, {
        today: clock.today(),
        appealBody: config.appealBody,
      }),
  );
  const appealContext = () => ({
    today: clock.today(),
    appealBody: config.appealBody,
    appealBodyEmail: config.appealBodyEmail,
  });
  route.post(
    '/api/access-requests/:id/appeals',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Register an appeal (klage)',
      params: idParams,
      body: newAppealSchema,
      response: { 201: accessRequestSchema },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await registerAppeal(db, requireUser(request), request.params.id, request.body, appealContext()),
        ),
  );
  route.post(
    '/api/access-appeals/:id/forward',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: 'Send the appeal with the case to the appeal body',
      params: idParams,
      response: accessRequestSchema,
    },
    (request) => forwardAppeal(db, requireUser(request), request.params.id, appealContext()),
  );
  route.post(
    '/api/access-appeals/:id/outcome',
    {
      access: ['secretariat'],
      tags: secretariatTags,
      summary: "Record the appeal body's outcome",
      params: idParams,
      body: appealOutcomeSchema,
      response: accessRequestSchema,
    },
    (request) =>
      recordAppealOutcome(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
}
