// Over 500 lines: the governance workflow end to end on both engines, one describe block per step.
// Scenario tests of the governance workflow (issue 3), on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, caseVotes, cases as casesTable } from '../../db/schema.js';
import type { CurrentUser } from '../auth/access.rules.js';
import { createCategory } from '../categories/categories.service.js';
import { listMyNotifications } from '../notifications/notifications.service.js';
import { listOrganisations } from '../organisations/organisations.service.js';
import { createProcurement } from '../procurements/procurements.service.js';
import { createProcurementSchema } from '../procurements/procurements.schemas.js';
import { listSteeringGroups, updateMember } from '../steering-groups/steering-groups.service.js';
import * as cases from './cases/index.js';
import { declareNoConflict, decideHabilitetQuestion } from './habilitet/habilitet-questions.service.js';
import {
  getGovernanceView,
  passGate,
  procurementStatusBlocker,
  setFaggruppe,
  setInitialSignificance,
  setRisk,
} from './procurement-governance.service.js';
import { submitCaseSchema } from './governance.schemas.js';
import { membershipHabilitet } from './habilitet/membership-habilitet.js';

const pdf = {
  fileName: 'tildelingsinnstilling.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4 konfidensielt tilbud').toString('base64'),
  restricted: true,
  legalBasis: 'offl23third' as const,
};

describe.each(databaseKinds)('governance workflow on %s', (kind) => {
  let database: TestDatabase;
  let secretariat: CurrentUser;
  let members: Record<'hn' | 'hmn' | 'hv' | 'hso', CurrentUser>;
  let hfsByRhf: Record<string, string[]>;

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    secretariat = await demoUser(database.db, 'sekretariat');
    members = {
      hn: await demoUser(database.db, 'kir-hn'),
      hmn: await demoUser(database.db, 'kir-hmn'),
      hv: await demoUser(database.db, 'medlem'),
      hso: await demoUser(database.db, 'kir-hso'),
    };
    const organisations = await listOrganisations(database.db);
    const rhfCode = new Map(organisations.filter((o) => o.kind === 'RHF').map((o) => [o.id, o.code]));
    hfsByRhf = {};
    for (const hf of organisations.filter((o) => o.kind === 'HF'))
      (hfsByRhf[rhfCode.get(hf.rhfId!)!] ??= []).push(hf.id);
  });
  afterAll(() => database.dispose());

  const db = () => database.db;
  const create = async (name: string, fields: Record<string, unknown>) =>
    createProcurement(
      db(),
      secretariat,
      createProcurementSchema.parse({ name, categoryCode: 'KIR', ...fields }),
      { statusBlocker: procurementStatusBlocker },
    );
  const national = () => Object.values(hfsByRhf).flatMap((ids) => ids.slice(0, 1));
  const view = (id: string) => getGovernanceView(db(), id, secretariat, TEST_TODAY);
  const submit = (procurementId: string, input: Record<string, unknown>) =>
    cases.submitCase(db(), secretariat, procurementId, submitCaseSchema.parse(input), TEST_TODAY);
  const vote = (
    user: CurrentUser,
    caseId: string,
    v: 'approve' | 'object' | 'conflict',
    comment: string | null = null,
  ) => cases.castVote(db(), user, caseId, { vote: v, comment }, TEST_TODAY);

  it('derives the four levels, and keeps lokal and regional outside the national model', async () => {
    const lokal = await create('Lokal test', { participatingHfIds: hfsByRhf.HSO!.slice(0, 2) });
    const regional = await create('Regional test', { participatingHfIds: hfsByRhf.HV! });
    const fler = await create('Flerregional test', {
      participatingHfIds: [hfsByRhf.HN![0], hfsByRhf.HV![0]],
    });
    const nasjonal = await create('Nasjonal test', { participatingHfIds: national() });
    expect([lokal.level, regional.level, fler.level, nasjonal.level]).toEqual([
      'lokal',
      'regional',
      'flerregional',
      'nasjonal',
    ]);
    const lokalView = await view(lokal.id);
    expect(lokalView).toMatchObject({ inNationalModel: false, steeringGroup: null, gates: [] });
    expect(lokalView.outsideModelReason).toContain('utenfor den nasjonale styringsmodellen');
    await expect(
      submit(regional.id, {
        gate: 'significance',
        title: 'Betydning',
        text: 'x',
        proposedSignificance: 'lav',
      }),
    ).rejects.toMatchObject({ code: 'badRequest' });
    expect((await view(fler.id)).steeringGroup?.name).toBe('Styringsgruppe KIR');
  });

  it('routes by purchase group before category, and explains a missing group', async () => {
    const diabetes = await create('Insulinpenner', {
      categoryCode: 'BHM',
      purchaseGroupCode: 'DIABETES',
      participatingHfIds: national(),
    });
    expect((await view(diabetes.id)).steeringGroup?.name).toBe('Styringsgruppe Diabetesprodukter');
    await createCategory(db(), secretariat, {
      code: 'REHAB',
      name: 'Rehabilitering',
      parentCode: null,
      runBy: 'SHI',
    });
    const orphan = await create('Rehabiliteringsplasser', {
      categoryCode: 'REHAB',
      participatingHfIds: national(),
    });
    const orphanView = await view(orphan.id);
    expect(orphanView.steeringGroup).toBeNull();
    expect(orphanView.routingError).toContain('Ingen styringsgruppe dekker kategorien REHAB');
    await expect(
      submit(orphan.id, { gate: 'significance', title: 'Betydning', text: 'x', proposedSignificance: 'lav' }),
    ).rejects.toMatchObject({ code: 'badRequest' });
  });

  it('recommends significance with reasons from risk, value and category', async () => {
    const p = await create('Hofteproteser', {
      participatingHfIds: national(),
      contractValueNok: '250000000',
    });
    await setRisk(db(), secretariat, p.id, { profile: 'lav', note: 'Fra Quantus' });
    const withDirect = await view(p.id);
    expect(withDirect.significance).toMatchObject({ recommended: 'høy', appliedForGates: 'høy' });
    expect(withDirect.significance.reasons).toHaveLength(3);
    const scores = Object.fromEntries(
      [
        'forsyningskritikalitet',
        'pasientsikkerhet',
        'markedskonsentrasjon',
        'forventetKonkurranse',
        'kontraktsverdi',
        'varighetOgBindingstid',
        'kompleksitetIKrav',
        'implementeringskompleksitet',
        'iktIntegrasjon',
        'informasjonssikkerhetOgPersonvern',
        'juridiskRisikoOgKlagerisiko',
        'samfunnsansvarOgEtiskHandel',
        'miljoOgKlima',
        'standardiseringsbehov',
        'tidskritikalitet',
      ].map((key) => [key, 4]),
    );
    await setRisk(db(), secretariat, p.id, { scores, note: null });
    expect((await view(p.id)).risk).toMatchObject({ method: 'scored', meanScore: 4 });
    await setInitialSignificance(db(), secretariat, p.id, { value: 'medium', note: 'Årlig plan 2026' });
    expect((await view(p.id)).significance).toMatchObject({ initial: 'medium', final: null });
  });

  it('decides by consensus, numbers the decision, sets the final significance and then follows its matrix', async () => {
    const p = await create('Kirurgiske stiftemaskiner', { participatingHfIds: national() });
    await setRisk(db(), secretariat, p.id, { profile: 'lav', note: null });
    expect(
      (await passGate(db(), secretariat, p.id, 'significance', null, TEST_TODAY).catch(
        (e: unknown) => e,
      )) as object,
    ).toMatchObject({ code: 'conflict' });
    const significanceCase = await submit(p.id, {
      gate: 'significance',
      title: 'Endelig strategisk betydning',
      text: 'Anbefalt lav.',
      proposedSignificance: 'lav',
    });
    expect(significanceCase.eligibleMemberIds).toHaveLength(4);
    const [first, ...rest] = [members.hn, members.hmn, members.hv, members.hso];
    expect((await vote(first, significanceCase.id, 'approve')).status).toBe('open');
    for (const member of rest.slice(0, -1)) await vote(member, significanceCase.id, 'approve');
    const decided = await vote(rest.at(-1)!, significanceCase.id, 'approve');
    expect(decided.status).toBe('approved');
    expect(decided.decisionNumber).toMatch(/^KIR-\d{4}-\d{2}$/);
    const afterDecision = await view(p.id);
    expect(afterDecision.significance.final).toBe('lav');
    expect(afterDecision.gates.map((g) => g.involvement)).toEqual([
      'decide',
      'informed',
      'informed',
      'informed',
      'informed',
    ]);
    await passGate(db(), secretariat, p.id, 'significance', null, TEST_TODAY);
    // An informed gate passes at once and tells the group.
    await passGate(db(), secretariat, p.id, 'plan', 'Plan lagt fram', TEST_TODAY);
    const inbox = (
      await listMyNotifications(db(), members.hn.personId, { unread: false, limit: 500, offset: 0 })
    ).items;
    expect(
      inbox.some((n) => n.kind === 'gateInformed' && n.title.includes('Kirurgiske stiftemaskiner')),
    ).toBe(true);
    expect(inbox.some((n) => n.kind === 'caseAwaitingVote')).toBe(true);
  });

  it('turns an objection into dissent, escalates with a joint brief, records RHF answers and the resolution', async () => {
    const p = await create('Nevrostimulatorer', { participatingHfIds: national() });
    const c = await submit(p.id, {
      gate: 'significance',
      title: 'Strategisk betydning nevrostimulatorer',
      text: 'Foreslått høy.',
      proposedSignificance: 'høy',
    });
    await vote(members.hn, c.id, 'approve');
    await expect(
      cases.castVote(db(), members.hv, c.id, { vote: 'object', comment: null }, TEST_TODAY),
    ).rejects.toBeDefined();
    const dissent = await vote(members.hv, c.id, 'object', 'Helse Vest mener medium er riktig.');
    expect(dissent.status).toBe('dissent');
    expect((await view(p.id)).gates[0]).toMatchObject({ status: 'dissent', canPass: false });
    // Only the leader (kir-hmn) or the secretariat escalates; an ordinary member cannot.
    await expect(
      cases.escalateCase(
        db(),
        members.hn,
        c.id,
        { reason: 'dissent', brief: 'Felles notat om uenighet.', recommendation: 'Høy' },
        TEST_TODAY,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const escalated = await cases.escalateCase(
      db(),
      members.hmn,
      c.id,
      {
        reason: 'dissent',
        brief: 'Gruppen er uenig om betydningen.',
        recommendation: 'Gruppen anbefaler høy.',
      },
      TEST_TODAY,
    );
    expect(escalated.status).toBe('escalated');
    expect(escalated.escalation?.rhfIds).toHaveLength(4);
    const contact = await demoUser(db(), 'kontakt'); // Helse Vest RHF
    const vest = escalated.escalation!.rhfIds.find((id) =>
      contact.roles.some((r) => r.organisationId === id),
    )!;
    const nord = escalated.escalation!.rhfIds.find((id) => id !== vest)!;
    await cases.answerForRhf(
      db(),
      contact,
      c.id,
      { rhfId: vest, answer: 'Helse Vest slutter seg til anbefalingen.' },
      TEST_TODAY,
    );
    await expect(
      cases.answerForRhf(db(), contact, c.id, { rhfId: nord, answer: 'x' }, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // One RHF cannot settle for the others (§7.3): the settlement waits until every RHF concerned has answered.
    await expect(
      cases.resolveCase(db(), contact, c.id, { outcome: 'approved', text: 'Alene.' }, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'conflict' });
    for (const rhfId of escalated.escalation!.rhfIds.filter((id) => id !== vest))
      await cases.answerForRhf(db(), secretariat, c.id, { rhfId, answer: 'Enig i høy.' }, TEST_TODAY);
    const resolved = await cases.resolveCase(
      db(),
      contact,
      c.id,
      { outcome: 'approved', text: 'RHF-ene ble enige om høy.' },
      TEST_TODAY,
    );
    expect(resolved).toMatchObject({ status: 'resolved', escalation: { resolutionOutcome: 'approved' } });
    expect(resolved.decisionNumber).not.toBeNull();
    expect((await view(p.id)).significance.final).toBe('høy');
    expect((await view(p.id)).gates[0]!.canPass).toBe(true);
    const inbox = (
      await listMyNotifications(db(), members.hso.personId, { unread: false, limit: 500, offset: 0 })
    ).items;
    expect(inbox.filter((n) => n.link === `/saker/${c.id}`).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['escalation', 'caseDecided']),
    );
    const register = await cases.allDecisions(db(), c.steeringGroupId);
    expect(register.find((entry) => entry.caseId === c.id)).toMatchObject({
      outcome: 'approved',
      escalation: { reason: 'dissent', resolutionOutcome: 'approved' },
    });
    // In register order (year, then number), and paged in SQL: a page is the slice of the whole register.
    expect(register.map((entry) => entry.decisionNumber)).toEqual(
      register
        .map((entry) => entry.decisionNumber)
        .sort((a, b) => a.localeCompare(b, 'nb', { numeric: true })),
    );
    const page = await cases.decisionRegister(db(), c.steeringGroupId, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: register.length, limit: 1, offset: 1 });
    expect(page.items).toEqual(register.slice(1, 2));
  });

  it('keeps a conflicted member out of the vote and away from restricted documents until the RHF decides', async () => {
    const p = await create('Hjertepumper', { participatingHfIds: national() });
    const c = await submit(p.id, {
      gate: 'significance',
      title: 'Betydning hjertepumper',
      text: 'Se vedlegg.',
      proposedSignificance: 'høy',
      documents: [pdf],
    });
    const conflicted = await vote(members.hso, c.id, 'conflict', 'Nær familie hos en tilbyder.');
    expect(conflicted.viewer).toMatchObject({ isConflicted: true, habilitet: 'reported', canVote: false });
    expect(conflicted.documents[0]).toMatchObject({ restricted: true, canRead: false });
    await expect(
      cases.readDocument(db(), members.hso, c.id, c.documents[0]!.id, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // A deciding member answers before the exempt documents open.
    await expect(
      cases.readDocument(db(), members.hn, c.id, c.documents[0]!.id, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('Svar på habilitet') });
    await declareNoConflict(db(), members.hn, c.id, TEST_TODAY);
    const reader = await cases.readDocument(db(), members.hn, c.id, c.documents[0]!.id, TEST_TODAY);
    expect(reader.content.toString()).toContain('konfidensielt');
    // An outsider (HF purchasing) sees that the document exists but cannot read it.
    const outsider = await demoUser(db(), 'innkjop');
    await expect(
      cases.readDocument(db(), outsider, c.id, c.documents[0]!.id, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // The member cannot take the report back by voting.
    await expect(vote(members.hso, c.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    for (const member of [members.hn, members.hmn]) await vote(member, c.id, 'approve');
    const waiting = await vote(members.hv, c.id, 'approve');
    // Helse Sør-Øst has nobody who can decide: not quorate, even though everyone else approved.
    expect(waiting.status).toBe('open');
    expect(waiting.tally.status).toBe('notQuorate');
    expect(waiting.habilitet.quorumReason).toContain('Helse Sør-Øst');
    // The secretariat decides on the RHF's behalf (no contact for Helse Sør-Øst in the demo): ikke inhabil.
    const question = waiting.habilitet.questions[0]!;
    await decideHabilitetQuestion(
      db(),
      secretariat,
      question.id,
      { outcome: 'ikkeInhabil', reason: 'Familiemedlemmet arbeider ikke med tilbudet.' },
      TEST_TODAY,
    );
    const reread = await cases.readDocument(db(), members.hso, c.id, c.documents[0]!.id, TEST_TODAY);
    expect(reread.content.toString()).toContain('konfidensielt');
    const decided = await vote(members.hso, c.id, 'approve');
    expect(decided.status).toBe('approved');
    expect(decided.habilitet.questions[0]).toMatchObject({ status: 'ikkeInhabil', decidedAs: 'secretariat' });
    const register = await cases.allDecisions(db(), c.steeringGroupId);
    expect(register.find((entry) => entry.caseId === c.id)?.conflicts).toEqual([]);
  });

  it('makes members of regions outside a flerregional procurement, observers and faggruppe members unable to vote', async () => {
    const p = await create('Flerregional ortopedi', {
      participatingHfIds: [hfsByRhf.HN![0], hfsByRhf.HV![0], hfsByRhf.HSO![0]],
    });
    await setFaggruppe(db(), secretariat, p.id, [members.hso.personId]);
    const c = await submit(p.id, {
      gate: 'significance',
      title: 'Betydning ortopedi',
      text: 'x',
      proposedSignificance: 'medium',
    });
    expect(c.eligibleMemberIds.sort()).toEqual([members.hn.personId, members.hv.personId].sort());
    expect(Object.fromEntries(c.excludedMembers.map((m) => [m.personId, m.reason]))).toMatchObject({
      [members.hmn.personId]: 'otherRegion',
      [members.hso.personId]: 'faggruppe',
    });
    await expect(vote(members.hmn, c.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(vote(members.hso, c.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    // A member marked as observer cannot vote either, and says so.
    const kir = (await listSteeringGroups(db(), TEST_TODAY, membershipHabilitet)).find(
      (g) => g.code === 'KIR',
    )!;
    const hnMembership = kir.members.find((m) => m.personId === members.hn.personId)!;
    await updateMember(
      db(),
      secretariat,
      kir.id,
      hnMembership.id,
      { isObserver: true },
      TEST_TODAY,
      membershipHabilitet,
    );
    const p2 = await create('Ortopedi 2', { participatingHfIds: national() });
    const c2 = await submit(p2.id, {
      gate: 'significance',
      title: 'Betydning 2',
      text: 'x',
      proposedSignificance: 'lav',
    });
    await expect(vote(members.hn, c2.id, 'approve')).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Observatører kan ikke stemme.',
    });
    await updateMember(
      db(),
      secretariat,
      kir.id,
      hnMembership.id,
      { isObserver: false },
      TEST_TODAY,
      membershipHabilitet,
    );
  });

  it('refuses a case the group has nobody to decide, and says why', async () => {
    const p = await create('Bare Helse Midt', { participatingHfIds: [hfsByRhf.HMN![0], hfsByRhf.HN![0]] });
    await setFaggruppe(db(), secretariat, p.id, [members.hmn.personId, members.hn.personId]);
    await expect(
      submit(p.id, { gate: 'significance', title: 'Betydning', text: 'x', proposedSignificance: 'lav' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('ingen stemmeberettigede medlemmer'),
    });
  });

  it('cannot pass a decide gate without its decision; a delegation to the faggruppe opens it; consultation must be recorded', async () => {
    const p = await create('Endoskopi', { participatingHfIds: national() });
    const sig = await submit(p.id, {
      gate: 'significance',
      title: 'Betydning endoskopi',
      text: 'x',
      proposedSignificance: 'høy',
    });
    for (const member of Object.values(members)) await vote(member, sig.id, 'approve');
    await passGate(db(), secretariat, p.id, 'significance', null, TEST_TODAY);
    await expect(passGate(db(), secretariat, p.id, 'plan', null, TEST_TODAY)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('må fatte vedtak'),
    });
    await expect(passGate(db(), secretariat, p.id, 'award', null, TEST_TODAY)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Forrige fase'),
    });
    const delegation = await submit(p.id, {
      gate: 'plan',
      title: 'Deleger planen til faggruppen',
      text: 'x',
      delegate: true,
    });
    for (const member of Object.values(members)) await vote(member, delegation.id, 'approve');
    const afterDelegation = await view(p.id);
    expect(afterDelegation.gates[1]).toMatchObject({ gate: 'plan', delegated: true, canPass: true });
    await passGate(db(), secretariat, p.id, 'plan', null, TEST_TODAY);
    expect((await view(p.id)).gates[1]).toMatchObject({ status: 'passed', passedVia: 'delegation' });
    await expect(
      passGate(db(), secretariat, p.id, 'tenderPreparation', null, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'conflict' });
    const consultation = await submit(p.id, {
      gate: 'tenderPreparation',
      title: 'Innspill til konkurransegrunnlag',
      text: 'x',
    });
    expect(consultation.kind).toBe('consultation');
    await vote(members.hn, consultation.id, 'object', 'Kravspesifikasjonen må nevne sterilisering.');
    expect((await cases.getCase(db(), secretariat, consultation.id, TEST_TODAY)).status).toBe('open');
    await cases.recordConsultation(
      db(),
      secretariat,
      consultation.id,
      'Innspill fra Helse Nord tatt inn.',
      TEST_TODAY,
    );
    await passGate(db(), secretariat, p.id, 'tenderPreparation', null, TEST_TODAY);
    expect((await view(p.id)).phase).toBe('tenderApproval');
  });

  it('records a later reassessment of the significance as a new decision, keeping the history', async () => {
    const p = await create('Revurdering', { participatingHfIds: national() });
    await setInitialSignificance(db(), secretariat, p.id, { value: 'medium', note: null });
    for (const value of ['medium', 'høy'] as const) {
      const c = await submit(p.id, {
        gate: 'significance',
        title: `Betydning ${value}`,
        text: 'x',
        proposedSignificance: value,
      });
      for (const member of Object.values(members)) await vote(member, c.id, 'approve');
      if (value === 'medium') await passGate(db(), secretariat, p.id, 'significance', null, TEST_TODAY);
    }
    const significance = (await view(p.id)).significance;
    expect(significance.final).toBe('høy');
    expect(significance.history.map((h) => `${h.kind}:${h.value}`)).toEqual([
      'initial:medium',
      'final:medium',
      'final:høy',
    ]);
  });

  it('applies two votes cast at the same moment without corrupting the case', async () => {
    const p = await create('Samtidige stemmer', { participatingHfIds: national() });
    const c = await submit(p.id, {
      gate: 'significance',
      title: 'Samtidig',
      text: 'x',
      proposedSignificance: 'medium',
    });
    await vote(members.hn, c.id, 'approve');
    await vote(members.hmn, c.id, 'approve');
    const results = await Promise.allSettled([
      vote(members.hv, c.id, 'approve'),
      vote(members.hso, c.id, 'approve'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [row] = await db().select().from(casesTable).where(eq(casesTable.id, c.id));
    expect(row!.status).toBe('approved');
    expect(row!.decisionNumber).not.toBeNull();
    expect(await db().select().from(caseVotes).where(eq(caseVotes.caseId, c.id))).toHaveLength(4);
    const decisions = (await db().select().from(auditLog).where(eq(auditLog.entityId, c.id))).filter(
      (entry) => entry.action === 'decide',
    );
    expect(decisions).toHaveLength(1);
  });

  it('puts every state change of a case in the audit log', async () => {
    const p = await create('Revisjonsspor', { participatingHfIds: national() });
    const c = await submit(p.id, {
      gate: 'significance',
      title: 'Spor',
      text: 'x',
      proposedSignificance: 'lav',
    });
    await vote(members.hn, c.id, 'object', 'Uenig');
    await cases.markOutsideMandate(db(), secretariat, c.id, 'Gjelder også kommunene', TEST_TODAY);
    const entries = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, c.id))
      .orderBy(asc(auditLog.id));
    const actions = entries.map((entry) => entry.action);
    expect(actions).toEqual(['submitCase', 'vote', 'dissent', 'outsideMandate']);
  });
});
