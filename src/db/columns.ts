// Column builders the feature tables share (STYLE: one definition per convention).
import { timestamp, uuid, type AnyPgColumn, type UpdateDeleteAction } from 'drizzle-orm/pg-core';

/** When a row or an event was written: timestamp with time zone, not null, now() by default. */
export const writtenAt = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** A required reference to another table's uuid key. */
export const requiredRef = (
  name: string,
  target: () => AnyPgColumn,
  actions?: { onDelete?: UpdateDeleteAction; onUpdate?: UpdateDeleteAction },
) => uuid(name).notNull().references(target, actions);
