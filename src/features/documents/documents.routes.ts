import { z } from 'zod';
import { idParams, pageOf, pageQuery } from '../../shared/schemas.js';
import { requireUser, sendFileDownload, type App, type AppDeps } from '../../shared/http.js';
import {
  accessInputSchema,
  contentQuery,
  documentSchema,
  fileInputSchema,
  uploadDocumentSchema,
} from './documents.schemas.js';
import { registerStoredDocument } from '../public-access/index.js';
import * as service from './documents.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['documents'];
// A 10 MB file is about 13.4 MB as base64: the body limit leaves room, the service gives the clear 413.
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

export function registerDocumentRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/steering-groups/:id/documents',
    {
      access: 'authenticated',
      summary: "The group's documents with access status and Noark 5 metadata; paged (upload order)",
      params: idParams,
      querystring: z.object(pageQuery),
      response: pageOf(documentSchema),
    },
    (request) =>
      service.listGroupDocumentPage(
        db,
        requireUser(request),
        request.params.id,
        request.query,
        clock.today(),
      ),
  );
  route.post(
    '/api/steering-groups/:id/documents',
    {
      access: ['secretariat'],
      summary: 'Upload a document (base64; PDF, Office, PNG, JPEG, text; ≤ 10 MB) with its access status',
      params: idParams,
      body: uploadDocumentSchema,
      response: { 201: documentSchema },
      bodyLimit: UPLOAD_BODY_LIMIT,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.uploadDocument(
            db,
            requireUser(request),
            request.params.id,
            request.body,
            clock.today(),
            { registerStoredDocument },
          ),
        ),
  );
  route.get(
    '/api/documents/:id',
    {
      access: 'authenticated',
      summary: 'A document with its versions',
      params: idParams,
      response: documentSchema,
    },
    (request) => service.getDocument(db, requireUser(request), request.params.id, clock.today()),
  );
  route.post(
    '/api/documents/:id/versions',
    {
      access: ['secretariat', 'procurementLead'],
      summary: 'Upload a new version',
      params: idParams,
      body: fileInputSchema,
      response: { 201: documentSchema },
      bodyLimit: UPLOAD_BODY_LIMIT,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addVersion(db, requireUser(request), request.params.id, request.body, clock.today()),
        ),
  );
  route.put(
    '/api/documents/:id/access',
    {
      access: ['secretariat'],
      summary: 'Set the access status and legal basis (offentleglova)',
      params: idParams,
      body: accessInputSchema,
      response: documentSchema,
    },
    (request) =>
      service.classifyDocument(db, requireUser(request), request.params.id, request.body, clock.today()),
  );
  route.get(
    '/api/documents/:id/content',
    {
      access: 'authenticated',
      summary: 'Download a version (the newest by default)',
      params: idParams,
      querystring: contentQuery,
    },
    async (request, reply) => {
      const content = await service.readWorkspaceContent(
        db,
        requireUser(request),
        request.params.id,
        request.query.version,
        clock.today(),
      );
      return sendFileDownload(reply, content);
    },
  );
}
