// A body's matter that is no procurement (seed 000 §7) on PGlite and PostgreSQL: Innkjøpsforum decides the
// distribution of category responsibility as a case without a procurement (its secretariat or leader puts it,
// within the mandate), the readers that joined cases to procurements show it (decision register, my cases,
// the member's home, public decisions, the journal), and the category assignment cites it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, cases as casesTable } from '../../db/schema.js';
import type { CurrentUser } from '../auth/access.rules.js';
import {
  assignCategory,
  getRegionResponsibility,
} from '../category-responsibility/category-responsibility.service.js';
import * as cases from '../governance/cases/index.js';
import { getMyHome } from '../home/home.service.js';
import { listOrganisations } from '../organisations/organisations.service.js';
import { listPublicDecisionPage } from '../public-access/public-pages.service.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { submitBodyMatterSchema } from './governance-bodies.schemas.js';
import { submitBodyMatter } from './submit-body-matter.js';

const hfShort = ['unn', 'nlsh', 'fin', 'hsyk', 'sano', 'hnikt'];

describe.each(databaseKinds)('a body matter without a procurement on %s', (kind) => {
  let database: TestDatabase;
  let secretariat: CurrentUser;
  let forumId: string;
  let regionId: string;
  let caseId: string;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    secretariat = await demoUser(database.db, 'sekretariat');
    forumId = (await steeringGroupsRepo.findGroupByCode(database.db, 'HN-IF'))!.id;
    regionId = (await listOrganisations(database.db)).find((o) => o.code === 'HN')!.id;
  });
  afterAll(() => database.dispose());
  const db = () => database.db;
  const put = (user: CurrentUser, input: Record<string, unknown>, bodyId = forumId) =>
    submitBodyMatter(db(), user, bodyId, submitBodyMatterSchema.parse(input), TEST_TODAY);
  const distribution = {
    decisionType: 'distributeCategoryResponsibility',
    title: 'Fordeling av kategoriansvar 2027',
    text: 'Innkjøpsforum fordeler kategoriene mellom helseforetakene.',
  };

  it('is put by the secretariat or the body leader, within the mandate, to a regional body only', async () => {
    await expect(put(await demoUser(db(), 'innkjop-nlsh'), distribution)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      put(secretariat, { ...distribution, decisionType: 'setDecisionLevel' }),
    ).rejects.toMatchObject({
      code: 'badRequest',
      message: expect.stringContaining('utenfor mandatet til Innkjøpsforum'),
    });
    const national = (await steeringGroupsRepo.findGroupByCode(db(), 'KIR'))!;
    await expect(put(secretariat, distribution, national.id)).rejects.toMatchObject({ code: 'badRequest' });
    const leaderCase = await put(await demoUser(db(), 'innkjop-unn'), {
      ...distribution,
      decisionType: 'followUpImplementation',
      title: 'Oppfølging av implementering 2027',
    });
    expect(leaderCase.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is decided by consensus and numbered in the body, with no procurement', async () => {
    caseId = (await put(secretariat, distribution)).id;
    const [row] = await db().select().from(casesTable).where(eq(casesTable.id, caseId));
    expect(row).toMatchObject({
      procurementId: null,
      gate: 'bodyMatter',
      decisionType: 'distributeCategoryResponsibility',
    });
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, caseId));
    expect(audit.map((a) => a.action)).toEqual(['submitCase']);
    const member = await demoUser(db(), 'innkjop-fin');
    expect((await cases.listMyCases(db(), member, TEST_TODAY)).map((c) => c.id)).toContain(caseId);
    for (const short of hfShort) {
      const user = await demoUser(db(), `innkjop-${short}`);
      await cases.castVote(db(), user, caseId, { vote: 'approve', comment: null }, TEST_TODAY);
    }
    const decided = await cases.getCase(db(), secretariat, caseId, TEST_TODAY);
    expect(decided).toMatchObject({
      status: 'approved',
      procurementId: null,
      procurementName: null,
      decisionNumber: expect.stringMatching(/^HN-IF-\d{4}-\d{2}$/),
    });
  });

  it('shows in the decision register, the member home and the public decisions', async () => {
    const register = await cases.decisionRegister(db(), forumId, { limit: 50, offset: 0 });
    expect(register.items.find((d) => d.caseId === caseId)).toMatchObject({
      procurementId: null,
      outcome: 'approved',
    });
    const home = await getMyHome(db(), await demoUser(db(), 'innkjop-hsyk'), TEST_TODAY);
    expect(home.member!.awaitingVote.map((c) => c.id)).not.toContain(caseId);
    const published = await listPublicDecisionPage(db(), TEST_TODAY, {
      steeringGroupId: forumId,
      limit: 500,
      offset: 0,
    });
    expect(JSON.stringify(published)).toContain('Fordeling av kategoriansvar 2027');
  });

  it('is the decision a category assignment cites on /kategoriansvar', async () => {
    const view = await getRegionResponsibility(db(), regionId);
    expect(view.approvingDecisions.map((d) => d.id)).toEqual([caseId]);
    const category = view.categories[0]!;
    await expect(
      assignCategory(db(), secretariat, regionId, category.id, {
        hfId: view.hfs[0]!.id,
        decidedOn: TEST_TODAY,
        bodyCaseId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'badRequest' });
    await assignCategory(db(), secretariat, regionId, category.id, {
      hfId: view.hfs[0]!.id,
      decidedOn: TEST_TODAY,
      bodyCaseId: caseId,
    });
    const after = await getRegionResponsibility(db(), regionId);
    const held = after.responsibilities.find((r) => r.category.id === category.id)!;
    expect(held.bodyCase).toMatchObject({ id: caseId, bodyName: 'Innkjøpsforum' });
    expect(held.decisionReference).toBe(held.bodyCase!.decisionNumber);
  });
});
