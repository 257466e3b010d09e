// What every step of the living demo shares: the demo day, the demo users as the session would load them (so
// each step goes through the product's own services and their access rules), and small demo papers.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisations, procurements, steeringGroups } from '../../db/schema.js';
import { findAccountByUsername, loadCurrentUser, type CurrentUser } from '../auth/index.js';
import { addDays } from '../../shared/calendar-date.js';

export interface DemoContext {
  db: Db;
  today: string;
  /** The day `days` from today (negative: in the past). */
  day(days: number): string;
  as(username: string): Promise<CurrentUser>;
  groupId(code: string): Promise<string>;
  procurementId(name: string): Promise<string>;
  rhfId(code: string): Promise<string>;
}

export function demoContext(db: Db, today: string): DemoContext {
  const users = new Map<string, CurrentUser>();
  return {
    db,
    today,
    day: (days) => addDays(today, days),
    async as(username) {
      const known = users.get(username);
      if (known) return known;
      const account = await findAccountByUsername(db, username);
      const user = account ? await loadCurrentUser(db, account.userId) : null;
      if (!user)
        throw new Error(`The living demo needs the demo user ${username}; seed the demo users first.`);
      users.set(username, user);
      return user;
    },
    async groupId(code) {
      const [row] = await db.select().from(steeringGroups).where(eq(steeringGroups.code, code));
      if (!row) throw new Error(`The living demo needs steering group ${code}.`);
      return row.id;
    },
    async procurementId(name) {
      const [row] = await db.select().from(procurements).where(eq(procurements.name, name));
      if (!row) throw new Error(`The living demo needs procurement ${name}.`);
      return row.id;
    },
    async rhfId(code) {
      const [row] = await db
        .select()
        .from(organisations)
        .where(inArray(organisations.code, [code]));
      if (!row) throw new Error(`The living demo needs organisation ${code}.`);
      return row.id;
    },
  };
}

/** A small plain-text paper (the upload rules take text/plain without magic bytes). */
export function demoPaper(fileName: string, lines: string[]) {
  return {
    fileName,
    contentType: 'text/plain',
    contentBase64: Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64'),
  };
}
