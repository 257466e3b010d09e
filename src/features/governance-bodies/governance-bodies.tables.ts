// Tables of a region's governance model (seed 000): the versioned configuration and the mandates of the bodies
// it materialises into steering_groups (kind ≠ nationalSteeringGroup). Re-exported by src/db/schema.ts.
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { organisations, procurements, steeringGroups } from '../../db/core.tables.js';
import { decisionTypeIds } from '../../domain/governance-bodies.rules.js';

/** One region's model per version: the newest is in force, older ones stay as history (like governance_config). */
export const governanceModelConfig = pgTable(
  'governance_model_config',
  {
    id: serial('id').primaryKey(),
    regionId: requiredRef('region_id', () => organisations.id),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('governance_model_config_region_version').on(t.regionId, t.version)],
);

/** What a body decides (its mandate), as of the configuration version in force. */
export const bodyMandates = pgTable(
  'body_mandates',
  {
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id, { onDelete: 'cascade' }),
    decisionType: text('decision_type', { enum: decisionTypeIds }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.steeringGroupId, t.decisionType] })],
);

/**
 * A regional procurement's own Prosjektgruppe (seed 000 §6): a body (steering_groups row, kind projectGroup)
 * made from the model's project-group template, with the HFs the board let go unrepresented and the members
 * its composition case put to the board.
 */
export const projectGroups = pgTable(
  'project_groups',
  {
    steeringGroupId: uuid('steering_group_id')
      .primaryKey()
      .references(() => steeringGroups.id, { onDelete: 'cascade' }),
    procurementId: requiredRef('procurement_id', () => procurements.id),
    templateId: requiredRef('template_id', () => steeringGroups.id),
    exemptHfIds: uuid('exempt_hf_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    exemptionNote: text('exemption_note'),
    /** The memberships the latest composition case put to the board (what its approval approved). */
    composedMembershipIds: uuid('composed_membership_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: text('created_by').notNull(),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('project_groups_procurement_key').on(t.procurementId)],
);
