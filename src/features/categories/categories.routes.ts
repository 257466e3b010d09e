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
import { routesFor } from '../../shared/route.js';

const tags = ['categories'];

export function registerCategoryRoutes(app: App, { db }: AppDeps) {
  const route = routesFor(app, tags);
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: MAX_CATEGORY_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  route.get(
    '/api/categories',
    {
      access: 'authenticated',
      summary: 'The category structure, flat (tree via parentId)',
      response: z.array(categorySchema),
    },
    () => service.listCategories(db),
  );
  route.post(
    '/api/categories',
    { access: writeRoles.referenceData, body: createCategorySchema, response: { 201: categorySchema } },
    async (request, reply) =>
      reply.status(201).send(await service.createCategory(db, requireUser(request), request.body)),
  );
  route.patch(
    '/api/categories/:id',
    {
      access: writeRoles.referenceData,
      params: idParams,
      body: updateCategorySchema,
      response: categorySchema,
    },
    (request) => service.updateCategory(db, requireUser(request), request.params.id, request.body),
  );
  route.post(
    '/api/categories/import',
    {
      access: writeRoles.referenceData,
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
    (request) =>
      service.importCategories(db, requireUser(request), parseCategoryCsv(request.body), {
        dryRun: request.query.dryRun,
      }),
  );
}
