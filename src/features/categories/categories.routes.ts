import { MAX_CATEGORY_FILE_BYTES } from './categories.config.js';
import { z } from 'zod';
import { idParams, problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import { writeRoles } from '../auth/index.js';
import {
  categorySchema,
  createCategorySchema,
  importSummarySchema,
  updateCategorySchema,
} from './categories.schemas.js';
import * as service from './categories.service.js';
import { parseCategoryCsv } from './category-csv.js';

const tags = ['categories'];

export function registerCategoryRoutes(app: App, { db }: AppDeps) {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: MAX_CATEGORY_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/categories',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The category structure, flat (tree via parentId)',
        response: { 200: z.array(categorySchema) },
      },
    },
    () => service.listCategories(db),
  );
  app.post(
    '/api/categories',
    {
      config: { access: writeRoles.referenceData },
      schema: { tags, body: createCategorySchema, response: { 201: categorySchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCategory(db, requireUser(request), request.body)),
  );
  app.patch(
    '/api/categories/:id',
    {
      config: { access: writeRoles.referenceData },
      schema: { tags, params: idParams, body: updateCategorySchema, response: { 200: categorySchema } },
    },
    (request) => service.updateCategory(db, requireUser(request), request.params.id, request.body),
  );
  app.post(
    '/api/categories/import',
    {
      config: { access: writeRoles.referenceData },
      schema: {
        tags,
        summary:
          'Import a category structure from CSV (Content-Type: text/csv; columns code,name,parentCode,medical,runBy)',
        description:
          'All or nothing: any bad row refuses the whole file with row-numbered errors. dryRun=true only reports.',
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('false')
            .transform((value) => value === 'true'),
        }),
        body: z.string().describe('The CSV file'),
        response: { 200: importSummarySchema, 400: problemSchema },
      },
    },
    (request) =>
      service.importCategories(db, requireUser(request), parseCategoryCsv(request.body), {
        dryRun: request.query.dryRun,
      }),
  );
}
