// "Venter på meg" set-based (candidate cases in SQL, electorates per table) against the per-case electorate of
// every open case, for every demo member, on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../../tests/support/databases.js';
import { demoUser } from '../../../../tests/support/users.js';
import { listProcurements } from '../../procurements/procurements.service.js';
import { caseElectorate } from '../case-electorate.js';
import * as repo from '../governance.repo.js';
import { submitCaseSchema } from '../governance.schemas.js';
import { castVote } from './cast-vote.js';
import { listMyCases } from './list-my-cases.js';
import { submitCase } from './submit-case.js';

describe.each(databaseKinds)('cases waiting for my vote on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('lists the same cases as the electorate of every open case, one by one', async () => {
    const db = database.db;
    const secretariat = await demoUser(db, 'sekretariat');
    const submitted: string[] = [];
    for (const procurement of (await listProcurements(db, {})).filter((p) => p.steeringGroupId)) {
      const input = {
        gate: 'significance',
        title: 'Vesentlighet',
        text: 'Forslag',
        proposedSignificance: 'høy',
      };
      await submitCase(db, secretariat, procurement.id, submitCaseSchema.parse(input), TEST_TODAY).then(
        (view) => submitted.push(view.id),
        () => undefined, // blocked by the workflow: the next one
      );
    }
    expect(submitted.length).toBeGreaterThan(3);
    const accounts: unknown = await db.execute(
      sql`select username from user_accounts where username like '%-%' order by username`,
    );
    const usernames = (accounts as { rows: Array<{ username: string }> }).rows.map((row) => row.username);
    const members = await Promise.all(usernames.map((username) => demoUser(db, username)));
    // One member votes in the first case they may vote in: it leaves their list, not the others'.
    const open = (await repo.listCases(db)).filter((row) => row.status === 'open');
    const expected = async (personId: string) => {
      const votes = await repo.listVotes(
        db,
        open.map((row) => row.id),
      );
      const ids: string[] = [];
      for (const row of open) {
        const electorate = await caseElectorate(db, row, TEST_TODAY);
        if (
          electorate.eligible.some((m) => m.personId === personId) &&
          !votes.some((v) => v.caseId === row.id && v.personId === personId)
        )
          ids.push(row.id);
      }
      return ids;
    };
    const voter = members.find((m) => m.personId && open.length > 0)!;
    const first = (await expected(voter.personId))[0];
    if (first) await castVote(db, voter, first, { vote: 'approve', comment: null }, TEST_TODAY);
    let nonEmpty = 0;
    for (const member of members) {
      const listed = (await listMyCases(db, member, TEST_TODAY)).map((row) => row.id);
      expect(listed, member.username).toEqual(await expected(member.personId));
      if (listed.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(0);
    if (first) expect((await listMyCases(db, voter, TEST_TODAY)).map((row) => row.id)).not.toContain(first);
  });
});
