import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog, memberships } from '../../db/schema.js';
import { AppError } from '../../shared/app-error.js';
import { findOrganisationByCode } from '../organisations/organisations.repo.js';
import * as service from './steering-groups.service.js';
import * as training from '../training/training.service.js';
import { membershipHabilitet } from '../governance/habilitet/membership-habilitet.js';

describe.each(databaseKinds)('steering groups on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(() => database.dispose());

  const group = async (code: string) =>
    (await service.listSteeringGroups(database.db, TEST_TODAY, membershipHabilitet)).find(
      (g) => g.code === code,
    )!;

  it('has the 11 groups of seed 001 §6 with what each covers', async () => {
    const groups = await service.listSteeringGroups(database.db, TEST_TODAY, membershipHabilitet);
    expect(groups).toHaveLength(11);
    expect((await group('DIABETES')).covers).toEqual([
      expect.objectContaining({ kind: 'purchaseGroup', code: 'DIABETES' }),
    ]);
    expect((await group('MTU-BHM-MGU')).covers.map((c) => c.code)).toEqual(['BHM', 'MGU', 'MTU']);
    expect((await group('BYGG')).covers.map((c) => c.code)).toEqual(['BYGG-EIENDOM', 'BYGG-PROSJEKT']);
    const phase1 = groups
      .filter((g) => g.phase === 1)
      .map((g) => g.code)
      .sort();
    expect(phase1).toEqual(['DIABETES', 'HR', 'IKT', 'LEGEMIDLER', 'PREHOSP']);
    // Vedlegg 04: 4 ADM, 5 Bygg og eiendom, 2 MFV, 3 KIR, 2 BHM, 1 LAB.
    expect(Object.fromEntries(groups.map((g) => [g.code, g.procurementCount]))).toMatchObject({
      ADM: 4,
      BYGG: 5,
      MFV: 2,
      KIR: 3,
      'MTU-BHM-MGU': 2,
      LAB: 1,
      DIABETES: 0,
    });
  });

  it('shows the composition checks of the demo groups', async () => {
    expect((await group('KIR')).checks).toEqual([
      expect.objectContaining({ level: 'warning', code: 'trainingMissing' }),
    ]);
    expect((await group('LAB')).checks).toEqual([
      expect.objectContaining({ level: 'error', code: 'missingCompetence' }),
    ]);
    expect((await group('IKT')).checks).toEqual([]);
  });

  it('updates a membership with an audit entry; training is approved per person, and the checks follow', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    const kir = await group('KIR');
    const untrained = kir.members.find((m) => m.trainingCompletedOn === null)!;
    const updated = await service.updateMember(
      database.db,
      secretariat,
      kir.id,
      untrained.id,
      { competenceAreas: ['okonomi', 'marked', 'fag'] },
      TEST_TODAY,
      membershipHabilitet,
    );
    expect(updated.competenceAreas).toEqual(['okonomi', 'marked', 'fag']);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, untrained.id));
    expect(entry).toMatchObject({ actorUsername: 'sekretariat', action: 'update', entityType: 'membership' });
    expect(entry!.before).toMatchObject({ competenceAreas: untrained.competenceAreas });
    expect(entry!.after).toMatchObject({ competenceAreas: ['okonomi', 'marked', 'fag'] });
    expect((await group('KIR')).checks.map((c) => c.code)).toContain('trainingMissing');
    // The six modules of Vedlegg 06 approve the person: the membership reads it, no date is stored on it.
    for (const module of [1, 2, 3, 4, 5, 6])
      await training.completeModule(
        database.db,
        secretariat,
        untrained.personId,
        module,
        TEST_TODAY,
        '2026-05-01',
      );
    expect((await group('KIR')).members.find((m) => m.id === untrained.id)!.trainingCompletedOn).toBe(
      '2026-05-01',
    );
    expect((await group('KIR')).checks).toEqual([]);
  });

  it('lets an RHF contact edit only members of their own RHF, and stores nothing otherwise', async () => {
    const contact = await demoUser(database.db, 'kontakt'); // Helse Vest RHF
    const ikt = await group('IKT');
    const vest = ikt.members.find((m) => m.rhfName === 'Helse Vest RHF')!;
    const nord = ikt.members.find((m) => m.rhfName === 'Helse Nord RHF')!;
    await service.updateMember(
      database.db,
      contact,
      ikt.id,
      vest.id,
      { competenceAreas: ['fag', 'marked'] },
      TEST_TODAY,
      membershipHabilitet,
    );
    const attempt = service.updateMember(
      database.db,
      contact,
      ikt.id,
      nord.id,
      { isLeader: true },
      TEST_TODAY,
      membershipHabilitet,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    const moveToNord = service.updateMember(
      database.db,
      contact,
      ikt.id,
      vest.id,
      { rhfId: nord.rhfId },
      TEST_TODAY,
      membershipHabilitet,
    );
    await expect(moveToNord).rejects.toBeInstanceOf(AppError);
    const [row] = await database.db.select().from(memberships).where(eq(memberships.id, nord.id));
    expect(row!.isLeader).toBe(nord.isLeader);
  });

  it('adds and ends a member; a second leader is an error', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    const hr = await group('HR');
    const hso = (await findOrganisationByCode(database.db, 'HSO'))!;
    const added = await service.addMember(
      database.db,
      secretariat,
      hr.id,
      {
        personId: hr.members[0]!.personId,
        rhfId: hso.id,
        isLeader: true,
        isObserver: false,
        competenceAreas: ['okonomi'],
        termStart: '2026-01-01',
        termEnd: '2029-01-01',
      },
      TEST_TODAY,
    );
    expect((await group('HR')).checks.map((c) => c.code)).toContain('severalLeaders');
    await service.endMember(database.db, secretariat, hr.id, added.id, TEST_TODAY);
    const after = await group('HR');
    expect(after.checks.map((c) => c.code)).not.toContain('severalLeaders');
    // Ended, not deleted: the membership stays in the history.
    expect(after.members.find((m) => m.id === added.id)).toMatchObject({
      isActive: false,
      endedOn: TEST_TODAY,
    });
    await expect(
      service.endMember(database.db, secretariat, hr.id, added.id, TEST_TODAY),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses coverage that mixes levels or is taken by another group', async () => {
    const secretariat = await demoUser(database.db, 'sekretariat');
    await expect(
      service.createSteeringGroup(
        database.db,
        secretariat,
        { code: 'NY', name: 'Ny gruppe', phase: 2, description: null, coverCodes: ['KIR'] },
        TEST_TODAY,
        membershipHabilitet,
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      service.createSteeringGroup(
        database.db,
        secretariat,
        { code: 'NY', name: 'Ny gruppe', phase: 2, description: null, coverCodes: ['HR', 'FINANS'] },
        TEST_TODAY,
        membershipHabilitet,
      ),
    ).rejects.toMatchObject({ code: 'badRequest' });
    const created = await service.createSteeringGroup(
      database.db,
      secretariat,
      {
        code: 'FINANS',
        name: 'Styringsgruppe Finanstjenester',
        phase: 2,
        description: null,
        coverCodes: ['FINANS'],
      },
      TEST_TODAY,
      membershipHabilitet,
    );
    expect(created.covers).toEqual([expect.objectContaining({ code: 'FINANS', kind: 'purchaseGroup' })]);
  });
});
