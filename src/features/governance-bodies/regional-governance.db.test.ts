// A Helse Nord regional procurement under seed 000's model, end to end on PGlite and PostgreSQL: the decision
// level in Strategisk innkjøpsforum, the board's cases by consensus, a disagreement in Innkjøpsforum escalated
// to its configured target (the Direktørmøte) with the same brief / answer / resolution records.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKinds, TEST_TODAY } from '../../../tests/support/databases.js';
import { membersOf, useHelseNord } from '../../../tests/support/helse-nord.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, escalations } from '../../db/schema.js';
import type { CurrentUser } from '../auth/access.rules.js';
import * as cases from '../governance/cases/index.js';
import { procurementStatusBlocker } from '../governance/procurement-governance.service.js';
import { getRegionalGovernance } from './regional-governance.service.js';
import { listOrganisations } from '../organisations/organisations.service.js';
import { createProcurement } from '../procurements/procurements.service.js';
import { createProcurementSchema } from '../procurements/procurements.schemas.js';

describe.each(databaseKinds)('regional governance under Helse Nord model on %s', (kind) => {
  const hn = useHelseNord(kind);
  let procurementId: string;
  beforeAll(async () => {
    procurementId = await hn.newProcurement('Regional avtale sårbehandling');
  });
  const db = () => hn.db;
  const view = () => hn.view(procurementId);
  const submit = (user: CurrentUser, input: Record<string, unknown>, id = procurementId) =>
    hn.submit(user, id, input);
  const voteAll = (prefix: string, caseId: string, objector?: string) =>
    hn.voteAll(
      membersOf(prefix),
      caseId,
      objector ? { by: `${prefix}-${objector}`, comment: 'Rutinen passer ikke vårt lager.' } : undefined,
    );

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
      submit(hn.secretariat, { subject: 'projectPlan', title: 'Prosjektplan', text: 'For tidlig' }),
    ).rejects.toThrow('Forrige beslutning er ikke fattet.');
    const { id } = await submit(hn.secretariat, {
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
    const plan = await submit(hn.secretariat, {
      subject: 'projectPlan',
      title: 'Prosjektplan sårbehandling',
      text: 'Plan og prosjektgruppe.',
    });
    expect((await voteAll('innkjop', plan.id)).status).toBe('approved');
    const tender = await submit(hn.secretariat, {
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
      submit(hn.secretariat, {
        subject: 'bodyMatter',
        bodyId: sif.id,
        decisionType: 'followUpImplementation',
        title: 'Oppfølging',
        text: 'x',
      }),
    ).rejects.toThrow(
      '«Følge opp implementering av avtaler» er utenfor mandatet til Strategisk innkjøpsforum.',
    );
    const local = { id: await hn.newProcurement('Lokal avtale', hn.hfIds.slice(0, 2)) };
    const localView = await hn.view(local.id);
    expect(localView.governed).toBe(false);
    expect(localView.message).toMatch(/^En lokal anskaffelse er utenfor styringsmodellen/);
    await expect(
      submit(hn.secretariat, { subject: 'decisionLevel', title: 'Nivå', text: 'x' }, local.id),
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
    const escalated = await cases.getCase(db(), hn.secretariat, id, TEST_TODAY);
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
    const resolved = await cases.getCase(db(), hn.secretariat, id, TEST_TODAY);
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
      hn.secretariat,
      createProcurementSchema.parse({
        name: 'Nasjonal avtale',
        categoryCode: 'KIR',
        participatingHfIds: oneHfPerRegion,
      }),
      { statusBlocker: procurementStatusBlocker },
    );
    const region = (await getRegionalGovernance(db(), national.id, hn.secretariat, TEST_TODAY)).regions;
    expect(region.map((r) => r.region.code)).toEqual(['HN']);
    expect(region[0]!.governed).toBe(false);
    expect(region[0]!.recommendingBody?.name).toBe('Anskaffelsesstyre Helse Nord');
    expect(region[0]!.representatives.map((r) => r.steeringGroupName)).toEqual(['Styringsgruppe KIR']);
  });
});
