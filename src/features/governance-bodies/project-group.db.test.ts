// A regional procurement's own Prosjektgruppe (seed 000 §6) on PGlite and PostgreSQL: made once the decision
// level is decided, every affected HF represented unless exempted with a reason, led by Sykehusinnkjøp, its
// composition approved by the anskaffelsesstyre; it recommends to the board and, when the decisions are
// delegated to it, decides the procurement's gates itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKinds, TEST_TODAY } from '../../../tests/support/databases.js';
import { helseNordHfShort as hfShort, membersOf, useHelseNord } from '../../../tests/support/helse-nord.js';
import { appointmentChecks, auditLog } from '../../db/schema.js';
import { listPeople } from '../people/people.repo.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { createProjectGroupSchema } from './governance-bodies.schemas.js';
import { getModelView, updateModel } from './governance-model.service.js';
import { helseNordModel } from './helse-nord-model.js';
import { createProjectGroup } from './project-group.service.js';

describe.each(databaseKinds)('a procurement’s own project group on %s', (kind) => {
  const hn = useHelseNord(kind);
  let personId: (username: string) => string;
  let orgOf: (username: string) => string;
  beforeAll(async () => {
    const people = await listPeople(hn.db);
    const find = (username: string) => people.find((p) => p.username === username)!;
    personId = (username) => find(username).id;
    orgOf = (username) => find(username).organisationId;
  });
  const db = () => hn.db;
  const newProcurement = (name: string) => hn.newProcurement(name);
  const view = (id: string) => hn.view(id);
  const submit = (id: string, input: Record<string, unknown>, user = hn.secretariat) =>
    hn.submit(user, id, input);
  const voteAll = (usernames: string[], caseId: string) => hn.voteAll(usernames, caseId);
  const setLevel = async (id: string, bodyName: string) => {
    const option = (await view(id)).levelOptions.find((b) => b.name === bodyName)!;
    const level = await submit(id, {
      subject: 'decisionLevel',
      proposedBodyId: option.id,
      title: `Beslutningsnivå: ${bodyName}`,
      text: 'Strategisk innkjøpsforum tar stilling til hvem som fatter beslutningene.',
    });
    expect((await voteAll(membersOf('sif'), level.id)).status).toBe('approved');
  };
  const composition = (overrides: Record<string, unknown> = {}) =>
    createProjectGroupSchema.parse({
      leaderPersonId: personId('leder'),
      members: hfShort.map((s) => ({
        personId: personId(`innkjop-${s}`),
        representsOrganisationId: orgOf(`innkjop-${s}`),
      })),
      ...overrides,
    });
  const pgVoters = ['leder', ...hfShort.map((s) => `innkjop-${s}`)];

  it('is made once the decision level is decided, led by Sykehusinnkjøp, with every affected HF or a reasoned exemption', async () => {
    const id = await newProcurement('Regional avtale ortopediske hjelpemidler');
    expect((await view(id)).projectGroup?.status).toBe('locked');
    await expect(createProjectGroup(db(), hn.secretariat, id, composition(), TEST_TODAY)).rejects.toThrow(
      'Beslutningsnivået er ikke besluttet ennå.',
    );
    await setLevel(id, 'Anskaffelsesstyre Helse Nord');
    const before = (await view(id)).projectGroup!;
    expect([before.status, before.canCreate, before.approvingBody?.name]).toEqual([
      'toCreate',
      true,
      'Anskaffelsesstyre Helse Nord',
    ]);
    await expect(
      createProjectGroup(
        db(),
        hn.secretariat,
        id,
        composition({ leaderPersonId: personId('innkjop-unn') }),
        TEST_TODAY,
      ),
    ).rejects.toThrow(/^Prosjektgruppen ledes av Sykehusinnkjøp; .+ er ikke ansatt der\.$/);
    const withoutFinnmark = composition().members.filter((m) => m.personId !== personId('innkjop-fin'));
    await expect(
      createProjectGroup(db(), hn.secretariat, id, composition({ members: withoutFinnmark }), TEST_TODAY),
    ).rejects.toThrow(
      'Alle berørte helseforetak skal være representert med mindre anskaffelsesstyret bestemmer noe annet; mangler: Finnmarkssykehuset HF.',
    );
    const finnmark = orgOf('innkjop-fin');
    await expect(
      createProjectGroup(
        db(),
        hn.secretariat,
        id,
        composition({ members: withoutFinnmark, exemptHfIds: [finnmark] }),
        TEST_TODAY,
      ),
    ).rejects.toThrow('Begrunn hvorfor ikke alle berørte helseforetak er representert.');
    const created = await createProjectGroup(db(), hn.secretariat, id, composition(), TEST_TODAY);
    expect(created.code).toBe('HN-PG-001');
    expect(created.name).toBe('Prosjektgruppe – Regional avtale ortopediske hjelpemidler');
    const body = await steeringGroupsRepo.findGroup(db(), created.id);
    const board = (await view(id)).bodies.find((b) => b.name === 'Anskaffelsesstyre Helse Nord')!;
    expect([body!.kind, body!.escalationTargetId]).toEqual(['projectGroup', board.id]);
    const after = (await view(id)).projectGroup!;
    expect(after.status).toBe('awaitingCase');
    expect(after.members.filter((m) => m.isLeader).map((m) => m.personName)).toEqual(['Leif Anskaffelsesen']);
    expect(
      after.members
        .filter((m) => !m.isLeader)
        .map((m) => m.representsName)
        .sort(),
    ).toEqual((await view(id)).projectGroup!.affectedHfs.map((hf) => hf.name).sort());
    await expect(createProjectGroup(db(), hn.secretariat, id, composition(), TEST_TODAY)).rejects.toThrow(
      'Anskaffelsen har allerede en prosjektgruppe.',
    );
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit!.summary).toBe(`${created.name} satt sammen (7 medlemmer)`);
    // The group is the procurement's, not a body of the model: a new model version leaves it active.
    await updateModel(db(), hn.secretariat, 'HN', { value: helseNordModel, note: 'Uendret modell' });
    expect((await steeringGroupsRepo.findGroup(db(), created.id))!.active).toBe(true);
    expect((await getModelView(db(), 'HN', TEST_TODAY)).bodies.map((b) => b.code)).not.toContain('HN-PG-001');
  });

  it('the board approves the composition; then the group recommends to the board by consensus', async () => {
    const id = await newProcurement('Regional avtale sengeutstyr');
    await setLevel(id, 'Anskaffelsesstyre Helse Nord');
    const finnmark = orgOf('innkjop-fin');
    const group = await createProjectGroup(
      db(),
      hn.secretariat,
      id,
      composition({
        members: composition().members.filter((m) => m.personId !== personId('innkjop-fin')),
        exemptHfIds: [finnmark],
        exemptionNote: 'Finnmarkssykehuset har nylig anskaffet sengeutstyr og deltar ikke i prosjektgruppen.',
      }),
      TEST_TODAY,
    );
    expect((await view(id)).projectGroup!.exemptHfNames).toEqual(['Finnmarkssykehuset HF']);
    const groupBody = (await view(id)).bodies.find((b) => b.id === group.id)!;
    const recommendation = {
      subject: 'bodyMatter',
      bodyId: groupBody.id,
      decisionType: 'recommendToBoard',
      title: 'Innstilling: prosjektplan',
      text: 'Prosjektgruppen anbefaler prosjektplanen.',
    };
    await expect(submit(id, recommendation)).rejects.toThrow(
      `Sammensetningen av ${group.name} er ikke godkjent av Anskaffelsesstyre Helse Nord ennå.`,
    );
    const approval = await submit(id, {
      subject: 'projectGroup',
      title: 'Sammensetning av prosjektgruppen',
      text: 'Alle HF unntatt Finnmarkssykehuset, som styret fritar.',
    });
    expect((await view(id)).projectGroup!.status).toBe('open');
    const decided = await voteAll(
      hfShort.map((s) => `innkjop-${s}`),
      approval.id,
    );
    expect(decided.status).toBe('approved');
    expect((await view(id)).projectGroup!.status).toBe('approved');
    const recommended = await submit(id, recommendation);
    const members = await steeringGroupsRepo.listMembers(db(), group.id);
    const checks = await db().select().from(appointmentChecks);
    expect(members.map((m) => checks.find((c) => c.membershipId === m.id)?.checkedByName ?? null)).toEqual(
      members.map(() => `Anskaffelsesstyre Helse Nord, vedtak ${decided.decisionNumber}`),
    );
    const done = await voteAll(
      pgVoters.filter((u) => u !== 'innkjop-fin'),
      recommended.id,
    );
    expect(done.status).toBe('approved');
    expect(done.decisionNumber).toBe(`${(await steeringGroupsRepo.findGroup(db(), group.id))!.code}-2026-01`);
    // A member added after the approval makes the composition a new case for the board.
    await steeringGroupsRepo.insertMember(db(), {
      steeringGroupId: group.id,
      personId: personId('innkjop-fin'),
      rhfId: members[0]!.rhfId,
      representsOrganisationId: finnmark,
      termStart: TEST_TODAY,
    });
    expect((await view(id)).projectGroup!.status).toBe('awaitingCase');
  });

  it('a simple procurement delegated to the project group has it decide the gates once its composition is approved', async () => {
    const id = await newProcurement('Regional avtale engangshansker');
    await setLevel(id, 'Prosjektgruppe');
    const locked = await view(id);
    expect(locked.gates.map((g) => [g.gate, g.status, g.blockingReason])).toEqual([
      ['decisionLevel', 'decided', null],
      [
        'projectPlan',
        'locked',
        'Beslutningene er delegert til prosjektgruppen: den settes sammen, og sammensetningen godkjennes, først.',
      ],
      ['tenderDocuments', 'locked', 'Forrige beslutning er ikke fattet.'],
      ['supplierRecommendation', 'locked', 'Forrige beslutning er ikke fattet.'],
    ]);
    // The project group cannot approve its own composition: the model's board with that mandate does.
    expect(locked.projectGroup!.approvingBody?.name).toBe('Anskaffelsesstyre Helse Nord');
    const group = await createProjectGroup(db(), hn.secretariat, id, composition(), TEST_TODAY);
    const approval = await submit(id, { subject: 'projectGroup', title: 'Sammensetning', text: 'Alle HF.' });
    await voteAll(
      hfShort.map((s) => `innkjop-${s}`),
      approval.id,
    );
    const open = await view(id);
    expect(open.decidingBody).toEqual({ id: group.id, name: group.name });
    expect(open.gates[1]).toMatchObject({
      gate: 'projectPlan',
      bodyName: group.name,
      status: 'awaitingCase',
    });
    const plan = await submit(id, { subject: 'projectPlan', title: 'Prosjektplan', text: 'Plan.' });
    expect((await voteAll(pgVoters, plan.id)).status).toBe('approved');
    expect((await view(id)).gates.map((g) => g.status)).toEqual([
      'decided',
      'decided',
      'awaitingCase',
      'locked',
    ]);
  });
});
