// Tables of a region's governance model (seed 000): the versioned configuration and the mandates of the bodies
// it materialises into steering_groups (kind ≠ nationalSteeringGroup). Re-exported by src/db/schema.ts.
import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, steeringGroups } from '../../db/core.tables.js';
import { decisionTypeIds } from '../../domain/governance-bodies.rules.js';

/** One region's model per version: the newest is in force, older ones stay as history (like governance_config). */
export const governanceModelConfig = pgTable(
  'governance_model_config',
  {
    id: serial('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => organisations.id),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('governance_model_config_region_version').on(t.regionId, t.version)],
);

/** What a body decides (its mandate), as of the configuration version in force. */
export const bodyMandates = pgTable(
  'body_mandates',
  {
    steeringGroupId: uuid('steering_group_id')
      .notNull()
      .references(() => steeringGroups.id, { onDelete: 'cascade' }),
    decisionType: text('decision_type', { enum: decisionTypeIds }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.steeringGroupId, t.decisionType] })],
);
