// A Helse Nord regional procurement under seed 000's model, end to end on PGlite and PostgreSQL: the decision
// level in Strategisk innkjøpsforum, the board's cases by consensus, a disagreement in Innkjøpsforum escalated
// to its configured target (the Direktørmøte) with the same brief / answer / resolution records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, escalations } from '../../db/schema.js';
import type { CurrentUser } from '../auth/access.rules.js';
import * as cases from '../governance/cases/index.js';
import { procurementStatusBlocker } from '../governance/procurement-governance.service.js';
import { listOrganisations } from '../organisations/organisations.service.js';
import { createProcurement } from '../procurements/procurements.service.js';
import { createProcurementSchema } from '../procurements/procurements.schemas.js';
import { submitBodyCaseSchema } from './governance-bodies.schemas.js';
import { getRegionalGovernance } from './regional-governance.service.js';
import { submitBodyCase } from './submit-body-case.js';

const hfShort = ['unn', 'nlsh', 'fin', 'hsyk', 'sano', 'hnikt'];

describe.each(databaseKinds)('regional governance under Helse Nord model on %s', (kind) => {
  let database: TestDatabase;
  let secretariat: CurrentUser;
  let helseNordHfs: string[];
  let procurementId: string;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    secretariat = await demoUser(database.db, 'sekretariat');
    const organisations = await listOrganisations(database.db);
    const hn = organisations.find((o) => o.code === 'HN')!;
    helseNordHfs = organisations.filter((o) => o.kind === 'HF' && o.rhfId === hn.id).map((o) => o.id);
    procurementId = (
      await createProcurement(
        database.db,
        secretariat,
        createProcurementSchema.parse({
          name: 'Regional avtale sårbehandling',
          categoryCode: 'BHM',
          participatingHfIds: helseNordHfs,
        }),
        { statusBlocker: procurementStatusBlocker },
      )
    ).id;
  });
  afterAll(() => database.dispose());
  const db = () => database.db;
  const view = async () =>
    (await getRegionalGovernance(db(), procurementId, secretariat, TEST_TODAY)).regions[0]!;
  const submit = (user: CurrentUser, input: Record<string, unknown>, id = procurementId) =>
    submitBodyCase(db(), user, id, submitBodyCaseSchema.parse(input), TEST_TODAY);
  const voteAll = async (prefix: string, caseId: string, objector?: string) => {
    // An objection settles the case at once (dissent), so the objector votes last.
    for (const short of [
      ...hfShort.filter((s) => s !== objector),
      ...hfShort.filter((s) => s === objector),
    ]) {
      const user = await demoUser(db(), `${prefix}-${short}`);
      await cases.castVote(
        db(),
        user,
        caseId,
        short === objector
          ? { vote: 'object', comment: 'Rutinen passer ikke vårt lager.' }
          : { vote: 'approve', comment: null },
        TEST_TODAY,
      );
    }
    return cases.getCase(db(), secretariat, caseId, TEST_TODAY);
  };

  it('starts with the decision level in Strategisk innkjøpsforum, the rest locked', async () => {
    const region = await view();
    expect(region.governed).toBe(true);
    expect(region.gates.map((g) => [g.gate, g.bodyName, g.status])).toEqual([
      ['decisionLevel', 'Strategisk innkjøpsforum', 'awaitingCase'],
      ['projectPlan', null, 'locked'],
      ['tenderDocuments', null, 'locked'],
      ['supplierRecommendation', null, 'locked'],
    ]);
    expect(region.levelOptions.map((b) => b.name)).toEqual([
      'Anskaffelsesstyre Helse Nord',
      'Prosjektgruppe',
    ]);
  });

  it('Strategisk innkjøpsforum gives the decisions to the anskaffelsesstyre by consensus', async () => {
    const board = (await view()).levelOptions.find((b) => b.name === 'Anskaffelsesstyre Helse Nord')!;
    await expect(
      submit(secretariat, { subject: 'projectPlan', title: 'Prosjektplan', text: 'For tidlig' }),
    ).rejects.toThrow('Forrige beslutning er ikke fattet.');
    const { id } = await submit(secretariat, {
      subject: 'decisionLevel',
      proposedBodyId: board.id,
      title: 'Beslutningsnivå: anskaffelsesstyret',
      text: 'Kompleks anskaffelse med høy risiko; anbefales behandlet i det faste anskaffelsesstyret.',
    });
    const decided = await voteAll('sif', id);
    expect(decided.status).toBe('approved');
    expect(decided.decisionNumber).toBe('HN-SIF-2026-01');
    expect(decided.proposedBody?.name).toBe('Anskaffelsesstyre Helse Nord');
    const region = await view();
    expect(region.decidingBody?.name).toBe('Anskaffelsesstyre Helse Nord');
    expect(region.gates.map((g) => [g.gate, g.bodyName, g.status])).toEqual([
      ['decisionLevel', 'Strategisk innkjøpsforum', 'decided'],
      ['projectPlan', 'Anskaffelsesstyre Helse Nord', 'awaitingCase'],
      ['tenderDocuments', 'Anskaffelsesstyre Helse Nord', 'locked'],
      ['supplierRecommendation', 'Anskaffelsesstyre Helse Nord', 'locked'],
    ]);
  });

  it('the board approves the project plan and the tender documents', async () => {
    const plan = await submit(secretariat, {
      subject: 'projectPlan',
      title: 'Prosjektplan sårbehandling',
      text: 'Plan og prosjektgruppe.',
    });
    expect((await voteAll('innkjop', plan.id)).status).toBe('approved');
    const tender = await submit(secretariat, {
      subject: 'tenderDocuments',
      title: 'Konkurransedokumenter',
      text: 'Krav og tildelingskriterier.',
    });
    const approved = await voteAll('innkjop', tender.id);
    expect(approved.decisionNumber).toBe('HN-AS-2026-02');
    expect((await view()).gates.map((g) => g.status)).toEqual([
      'decided',
      'decided',
      'decided',
      'awaitingCase',
    ]);
  });

  it('refuses a matter outside the body mandate, and a lokal procurement', async () => {
    const sif = (await view()).bodies.find((b) => b.name === 'Strategisk innkjøpsforum')!;
    await expect(
      submit(secretariat, {
        subject: 'bodyMatter',
        bodyId: sif.id,
        decisionType: 'followUpImplementation',
        title: 'Oppfølging',
        text: 'x',
      }),
    ).rejects.toThrow(
      '«Følge opp implementering av avtaler» er utenfor mandatet til Strategisk innkjøpsforum.',
    );
    const local = await createProcurement(
      db(),
      secretariat,
      createProcurementSchema.parse({
        name: 'Lokal avtale',
        categoryCode: 'BHM',
        participatingHfIds: helseNordHfs.slice(0, 2),
      }),
      { statusBlocker: procurementStatusBlocker },
    );
    const localView = (await getRegionalGovernance(db(), local.id, secretariat, TEST_TODAY)).regions[0]!;
    expect(localView.governed).toBe(false);
    expect(localView.message).toMatch(/^En lokal anskaffelse er utenfor styringsmodellen/);
    await expect(
      submit(secretariat, { subject: 'decisionLevel', title: 'Nivå', text: 'x' }, local.id),
    ).rejects.toThrow('En lokal anskaffelse er utenfor styringsmodellen (seed 000 §6).');
  });

  it('a disagreement in Innkjøpsforum goes to the Direktørmøte and is resolved there', async () => {
    const forum = (await view()).bodies.find((b) => b.name === 'Innkjøpsforum')!;
    const leader = await demoUser(db(), 'innkjop-unn');
    const { id } = await submit(leader, {
      subject: 'bodyMatter',
      bodyId: forum.id,
      decisionType: 'followUpImplementation',
      title: 'Felles rutine for implementering',
      text: 'Forslag til felles rutine for å ta avtalen i bruk i alle HF.',
    });
    const dissent = await voteAll('innkjop', id, 'fin');
    expect(dissent.status).toBe('dissent');
    expect(dissent.escalationTarget?.name).toBe('Direktørmøte');
    await cases.escalateCase(
      db(),
      leader,
      id,
      {
        reason: 'dissent',
        brief: 'Finnmarkssykehuset er uenig i rutinen.',
        recommendation: 'Innføre rutinen med tilpasning for Finnmark.',
      },
      TEST_TODAY,
    );
    const escalated = await cases.getCase(db(), secretariat, id, TEST_TODAY);
    expect(escalated.status).toBe('escalated');
    expect(escalated.escalation?.targetBody?.name).toBe('Direktørmøte');
    const [row] = await db().select().from(escalations).where(eq(escalations.caseId, id));
    expect(row!.targetBodyId).toBe(escalated.escalation!.targetBody!.id);
    // Only the Direktørmøte (its leader) or the secretariat answers and settles: not an RHF contact.
    const contact = await demoUser(db(), 'kontakt');
    const regionId = escalated.escalation!.rhfIds[0]!;
    await expect(
      cases.answerForRhf(db(), contact, id, { rhfId: regionId, answer: 'x' }, TEST_TODAY),
    ).rejects.toThrow('Bare lederen av organet saken er eskalert til, og sekretariatet, kan svare.');
    const director = await demoUser(db(), 'dm-hn');
    await cases.answerForRhf(
      db(),
      director,
      id,
      { rhfId: regionId, answer: 'Direktørmøtet støtter rutinen med tilpasning.' },
      TEST_TODAY,
    );
    await cases.resolveCase(
      db(),
      director,
      id,
      { outcome: 'approved', text: 'Rutinen innføres; Finnmark får tre måneder ekstra.' },
      TEST_TODAY,
    );
    const resolved = await cases.getCase(db(), secretariat, id, TEST_TODAY);
    expect(resolved.status).toBe('resolved');
    expect(resolved.decisionNumber).toBe('HN-IF-2026-01');
    expect(resolved.escalation?.resolutionOutcome).toBe('approved');
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'resolve')));
    expect(audit[0]!.summary).toBe('Avklart av Direktørmøte (godkjent): Felles rutine for implementering');
  });

  it('a national procurement with Helse Nord shows the regional board as recommending and who represents Helse Nord', async () => {
    const organisations = await listOrganisations(db());
    const oneHfPerRegion = organisations
      .filter((o) => o.kind === 'RHF')
      .map((rhf) => organisations.find((o) => o.kind === 'HF' && o.rhfId === rhf.id)!.id);
    const national = await createProcurement(
      db(),
      secretariat,
      createProcurementSchema.parse({
        name: 'Nasjonal avtale',
        categoryCode: 'KIR',
        participatingHfIds: oneHfPerRegion,
      }),
      { statusBlocker: procurementStatusBlocker },
    );
    const region = (await getRegionalGovernance(db(), national.id, secretariat, TEST_TODAY)).regions;
    expect(region.map((r) => r.region.code)).toEqual(['HN']);
    expect(region[0]!.governed).toBe(false);
    expect(region[0]!.recommendingBody?.name).toBe('Anskaffelsesstyre Helse Nord');
    expect(region[0]!.representatives.map((r) => r.steeringGroupName)).toEqual(['Styringsgruppe KIR']);
  });
});
