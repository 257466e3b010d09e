// Routes of public access. Everything under /api/public is open without login (access: 'public') and
// answers only with the public projection; every response schema lists the fields that may leave.
// The secretariat's journal, public variants and access-request queue are below, for the secretariat only.
import { z } from 'zod';
import { idParams } from '../../shared/schemas.js';
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
import { listPublicDecisions, listPublicMeetings } from './public-pages.service.js';
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

const publicTags = ['public-access'];
const secretariatTags = ['public-access (secretariat)'];
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;
const groupFilterQuery = z.object({
  steeringGroupId: z.string().uuid('Ugyldig id').optional(),
  q: z.string().max(200).optional(),
});

export function registerPublicAccessRoutes(app: App, { db, clock, config }: AppDeps) {
  // ---- public, without login
  app.get(
    '/api/public/journal',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Offentlig journal: search and filter (public titles only)',
        querystring: journalQuery,
        response: { 200: journalPageSchema(publicJournalEntrySchema) },
      },
    },
    (request) => journal.listPublicJournal(db, request.query, clock.today()),
  );
  app.get(
    '/api/public/journal/export',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary:
          'The public journal as CSV or as JSON in eInnsyn shape (saksmappe/journalpost/moetemappe/moetesak)',
        querystring: exportQuery,
      },
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
  app.get(
    '/api/public/journal/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'One journal entry (public fields)',
        params: idParams,
        response: { 200: publicJournalEntrySchema },
      },
    },
    async (request) =>
      journal.publicJournalEntry(await journal.getPublicEntry(db, request.params.id, clock.today())),
  );
  app.get(
    '/api/public/journal/:id/file',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Download a public document, or the public variant of a partly exempt one',
        params: idParams,
      },
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
  app.get(
    '/api/public/filters',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Steering groups and procurements that have journal entries (for the filters)',
        response: {
          200: z.object({
            steeringGroups: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
            procurements: z.array(z.object({ id: z.string(), name: z.string() })),
          }),
        },
      },
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
  app.get(
    '/api/public/decisions',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'The decision register (vedtak) of the steering groups',
        querystring: groupFilterQuery,
        response: { 200: z.array(publicDecisionSchema) },
      },
    },
    (request) => listPublicDecisions(db, clock.today(), request.query),
  );
  app.get(
    '/api/public/meetings',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Meetings with published agendas and approved minutes',
        querystring: groupFilterQuery,
        response: { 200: z.array(publicMeetingSchema) },
      },
    },
    (request) => listPublicMeetings(db, clock.today(), request.query),
  );
  app.post(
    '/api/public/access-requests',
    {
      config: { access: 'public' },
      schema: {
        tags: publicTags,
        summary: 'Ask for access (innsynskrav): an e-mail address to answer to; a name is optional',
        body: publicAccessRequestSchema,
        response: { 201: publicAccessReceiptSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requests.submitPublicRequest(db, request.body, clock.today())),
  );

  // ---- the secretariat's journal
  const secretariat = { access: ['secretariat'] as const };
  app.get(
    '/api/journal',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'The journal with full titles',
        querystring: journalQuery,
        response: { 200: journalPageSchema(secretariatJournalEntrySchema) },
      },
    },
    (request) => journal.listSecretariatJournal(db, request.query, clock.today()),
  );
  app.post(
    '/api/journal',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Register an entry (a letter, an e-mail, a document from an RHF)',
        body: newJournalEntrySchema,
        response: { 201: secretariatJournalEntrySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await journal.addJournalEntry(db, requireUser(request), request.body, clock.today())),
  );
  app.patch(
    '/api/journal/:id',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Correct an entry (audited)',
        params: idParams,
        body: journalCorrectionSchema,
        response: { 200: secretariatJournalEntrySchema },
      },
    },
    (request) =>
      journal.correctJournalEntry(db, requireUser(request), request.params.id, request.body, clock.today()),
  );

  // ---- public variants
  app.post(
    '/api/documents/:id/public-variant/redact',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Redact a PDF (words, areas; each with its legal basis): the text is removed from the file',
        params: idParams,
        body: redactSchema,
        response: { 201: variantSchema },
      },
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
  app.post(
    '/api/documents/:id/public-variant',
    {
      config: secretariat,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: secretariatTags,
        summary: 'Upload the public variant (formats the portal cannot redact)',
        params: idParams,
        body: uploadVariantSchema,
        response: { 201: variantSchema },
      },
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
  app.get(
    '/api/documents/:id/public-variants',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: "The document's current public variant",
        params: idParams,
        response: { 200: z.array(variantSchema) },
      },
    },
    (request) => variants.listVariants(db, request.params.id),
  );
  app.get(
    '/api/documents/:id/public-variant/content',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Download the public variant (to check it)',
        params: idParams,
      },
    },
    async (request, reply) => sendFileDownload(reply, await variants.readVariant(db, request.params.id)),
  );

  // ---- access requests
  app.get(
    '/api/access-requests',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'The queue with working-day deadlines',
        querystring: accessRequestListQuery,
        response: { 200: z.array(accessRequestSchema) },
      },
    },
    (request) => requests.listRequests(db, request.query.status, clock.today()),
  );
  app.post(
    '/api/access-requests',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Register a request that came by e-mail, letter or eInnsyn',
        body: registerAccessRequestSchema,
        response: { 201: accessRequestSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requests.registerRequest(db, requireUser(request), request.body, clock.today())),
  );
  app.get(
    '/api/access-requests/statistics',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Requests per month: answer times, decisions, appeals',
        querystring: statisticsQuery,
        response: { 200: z.array(monthStatisticsSchema) },
      },
    },
    (request) => accessStatistics(db, request.query.year),
  );
  app.get(
    '/api/access-requests/statistics.csv',
    {
      config: secretariat,
      schema: { tags: secretariatTags, summary: 'The statistics as CSV', querystring: statisticsQuery },
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
  app.get(
    '/api/access-requests/:id',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'One request',
        params: idParams,
        response: { 200: accessRequestSchema },
      },
    },
    (request) => requests.getRequest(db, request.params.id, clock.today()),
  );
  app.post(
    '/api/access-requests/:id/answer',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Decide every document and send the answer (legal basis, appeal, deadlines)',
        params: idParams,
        body: answerSchema,
        response: { 200: accessRequestSchema },
      },
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
  app.post(
    '/api/access-requests/:id/appeals',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Register an appeal (klage)',
        params: idParams,
        body: newAppealSchema,
        response: { 201: accessRequestSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await registerAppeal(db, requireUser(request), request.params.id, request.body, appealContext()),
        ),
  );
  app.post(
    '/api/access-appeals/:id/forward',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: 'Send the appeal with the case to the appeal body',
        params: idParams,
        response: { 200: accessRequestSchema },
      },
    },
    (request) => forwardAppeal(db, requireUser(request), request.params.id, appealContext()),
  );
  app.post(
    '/api/access-appeals/:id/outcome',
    {
      config: secretariat,
      schema: {
        tags: secretariatTags,
        summary: "Record the appeal body's outcome",
        params: idParams,
        body: appealOutcomeSchema,
        response: { 200: accessRequestSchema },
      },
    },
    (request) =>
      recordAppealOutcome(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
}
