import { z } from 'zod';
import { problemSchema } from '../../shared/schemas.js';
import { requireUser, type App, type AppDeps } from '../../shared/http.js';
import {
  assignCategorySchema,
  assignmentParams,
  dutyParams,
  regionParams,
  regionResponsibilitySchema,
  regionSummarySchema,
  updateDutySchema,
} from './category-responsibility.schemas.js';
import * as service from './category-responsibility.service.js';
import { routesFor } from '../../shared/route.js';

const tags = ['category-responsibility'];
/** Route-level gate; the organisation rule (own region, own HF) is checked in the service. */
const writers = ['secretariat', 'rhfContact'] as const;
const dutyWriters = ['secretariat', 'rhfContact', 'hfPurchasing'] as const;
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };

export function registerCategoryResponsibilityRoutes(app: App, { db, clock }: AppDeps) {
  const route = routesFor(app, tags);
  route.get(
    '/api/category-responsibility',
    {
      access: 'authenticated',
      summary: 'The regions (RHFs) with how far their category distribution has come',
      response: z.array(regionSummarySchema),
    },
    () => service.listRegionSummaries(db),
  );
  route.get(
    '/api/category-responsibility/:regionId',
    {
      access: 'authenticated',
      summary: "A region's category responsibility per HF, the duty checklists and the every-HF check",
      params: regionParams,
      response: { 200: regionResponsibilitySchema, 404: problemSchema },
    },
    (request) => service.getRegionResponsibility(db, request.params.regionId),
  );
  route.put(
    '/api/category-responsibility/:regionId/categories/:categoryId',
    {
      access: writers,
      summary: "Record Innkjøpsforum's decision: this HF holds the category for the region",
      params: assignmentParams,
      body: assignCategorySchema,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      const { regionId, categoryId } = request.params;
      await service.assignCategory(db, requireUser(request), regionId, categoryId, request.body);
      return reply.status(204).send(null);
    },
  );
  route.delete(
    '/api/category-responsibility/:regionId/categories/:categoryId',
    {
      access: writers,
      summary: 'Remove the responsible HF of a category',
      params: assignmentParams,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      const { regionId, categoryId } = request.params;
      await service.removeAssignment(db, requireUser(request), regionId, categoryId);
      return reply.status(204).send(null);
    },
  );
  route.patch(
    '/api/category-responsibility/responsibilities/:id/duties/:duty',
    {
      access: dutyWriters,
      summary: 'Report the status of one duty of the checklist (the holding HF, or the region)',
      params: dutyParams,
      body: updateDutySchema,
      response: { 204: z.null(), ...errors },
    },
    async (request, reply) => {
      const { id, duty } = request.params;
      await service.updateDuty(db, requireUser(request), id, duty, request.body, clock.today());
      return reply.status(204).send(null);
    },
  );
}
