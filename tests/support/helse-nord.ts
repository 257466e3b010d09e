// The Helse Nord db tests' shared fixture (seed 000's model): a seeded database on one engine, the secretariat,
// Helse Nord's HFs, and the steps every one of those tests takes — a regional procurement, a body case, the
// region's governance view, and every HF's member voting.
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/client.js';
import type { CurrentUser } from '../../src/features/auth/access.rules.js';
import * as cases from '../../src/features/governance/cases/index.js';
import { procurementStatusBlocker } from '../../src/features/governance/procurement-governance.service.js';
import { submitBodyCaseSchema } from '../../src/features/governance-bodies/governance-bodies.schemas.js';
import { getRegionalGovernance } from '../../src/features/governance-bodies/regional-governance.service.js';
import { submitBodyCase } from '../../src/features/governance-bodies/submit-body-case.js';
import { listOrganisations } from '../../src/features/organisations/organisations.service.js';
import { createProcurement } from '../../src/features/procurements/procurements.service.js';
import { createProcurementSchema } from '../../src/features/procurements/procurements.schemas.js';
import { createSeededDatabase, TEST_TODAY, type DatabaseKind, type TestDatabase } from './databases.js';
import { demoUser } from './users.js';

/** The short names of Helse Nord's HFs, as in the demo members' usernames (`<body>-<hf>`). */
export const helseNordHfShort = ['unn', 'nlsh', 'fin', 'hsyk', 'sano', 'hnikt'] as const;

/** A body's member from every Helse Nord HF (`sif` → sif-unn, sif-nlsh, …). */
export const membersOf = (prefix: string) => helseNordHfShort.map((short) => `${prefix}-${short}`);

export interface HelseNordFixture {
  readonly database: TestDatabase;
  readonly db: Db;
  readonly secretariat: CurrentUser;
  /** Helse Nord's HFs' ids. */
  readonly hfIds: string[];
  /** A BHM procurement of `hfIds` (default all of Helse Nord's HFs); its id. */
  newProcurement(name: string, hfIds?: string[]): Promise<string>;
  /** The procurement's first region in the regional governance view, as the secretariat sees it. */
  view(procurementId: string): Promise<Awaited<ReturnType<typeof getRegionalGovernance>>['regions'][number]>;
  submit(
    user: CurrentUser,
    procurementId: string,
    input: Record<string, unknown>,
  ): ReturnType<typeof submitBodyCase>;
  /**
   * Every username approves, except `objection.by`, who objects (last: an objection settles the case at once);
   * the case as the secretariat then sees it.
   */
  voteAll(
    usernames: readonly string[],
    caseId: string,
    objection?: { by: string; comment: string },
  ): ReturnType<typeof cases.getCase>;
}

/** Registers beforeAll/afterAll for a seeded database on `kind`; the fixture's fields are set inside tests. */
export function useHelseNord(kind: DatabaseKind): HelseNordFixture {
  let database: TestDatabase | undefined;
  let secretariat: CurrentUser | undefined;
  let hfIds: string[] = [];
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    secretariat = await demoUser(database.db, 'sekretariat');
    const organisations = await listOrganisations(database.db);
    const hn = organisations.find((o) => o.code === 'HN')!;
    hfIds = organisations.filter((o) => o.kind === 'HF' && o.rhfId === hn.id).map((o) => o.id);
  });
  afterAll(() => database?.dispose());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The Helse Nord fixture is not started (use it inside a test)');
    return value;
  };
  const fixture: HelseNordFixture = {
    get database() {
      return started(database);
    },
    get db() {
      return started(database).db;
    },
    get secretariat() {
      return started(secretariat);
    },
    get hfIds() {
      return hfIds;
    },
    async newProcurement(name, ids = hfIds) {
      const created = await createProcurement(
        fixture.db,
        fixture.secretariat,
        createProcurementSchema.parse({ name, categoryCode: 'BHM', participatingHfIds: ids }),
        { statusBlocker: procurementStatusBlocker },
      );
      return created.id;
    },
    async view(procurementId) {
      return (await getRegionalGovernance(fixture.db, procurementId, fixture.secretariat, TEST_TODAY))
        .regions[0]!;
    },
    submit(user, procurementId, input) {
      return submitBodyCase(fixture.db, user, procurementId, submitBodyCaseSchema.parse(input), TEST_TODAY);
    },
    async voteAll(usernames, caseId, objection) {
      const ordered = [
        ...usernames.filter((u) => u !== objection?.by),
        ...usernames.filter((u) => u === objection?.by),
      ];
      for (const username of ordered)
        await cases.castVote(
          fixture.db,
          await demoUser(fixture.db, username),
          caseId,
          username === objection?.by
            ? { vote: 'object', comment: objection.comment }
            : { vote: 'approve', comment: null },
          TEST_TODAY,
        );
      return cases.getCase(fixture.db, fixture.secretariat, caseId, TEST_TODAY);
    },
  };
  return fixture;
}
