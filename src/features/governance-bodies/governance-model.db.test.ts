// A region's governance model as versioned, audited configuration (seed 000), on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { auditLog, governanceModelConfig } from '../../db/schema.js';
import { systemActor } from '../../db/unit-of-work.js';
import { getSteeringGroup, listSteeringGroups } from '../steering-groups/steering-groups.service.js';
import { getModelView, updateModel } from './governance-model.service.js';
import { helseNordModel } from './helse-nord-model.js';
import { membershipHabilitet } from '../governance/habilitet/membership-habilitet.js';

describe.each(databaseKinds)('regional governance model on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createSeededDatabase(kind);
  });
  afterAll(() => database.dispose());
  const db = () => database.db;
  const actor = systemActor('test-sekretariat');

  it('seeds Helse Nord as version 1 with the bodies, mandates and escalation chain of seed 000', async () => {
    const view = await getModelView(db(), 'HN', TEST_TODAY);
    expect(view.version).toBe(1);
    expect(view.bodies.map((b) => b.name)).toEqual([
      'Direktørmøte',
      'Strategisk innkjøpsforum',
      'Anskaffelsesstyre Helse Nord',
      'Prosjektgruppe',
      'Implementeringsforum',
      'Innkjøpsforum',
      'REFIL – Regional forvaltningsenhet for innkjøp og logistikk',
    ]);
    const sif = view.bodies.find((b) => b.code === 'HN-SIF')!;
    expect(sif.secretariat?.name).toBe('Sykehusinnkjøp HF, Divisjon nord');
    expect(sif.mandates).toContain('setDecisionLevel');
    expect(sif.escalationChain.map((b) => b.name)).toEqual(['Direktørmøte']);
    const board = view.bodies.find((b) => b.code === 'HN-AS')!;
    expect(board.escalationChain.map((b) => b.name)).toEqual(['Strategisk innkjøpsforum', 'Direktørmøte']);
    expect(view.bodies.find((b) => b.code === 'HN-IF')!.escalationTarget?.name).toBe('Direktørmøte');
    // Members represent their HF; the region (rhfId) stays Helse Nord, so habilitet and quorum read it as before.
    expect(sif.members.map((m) => m.representsName)).toContain('Universitetssykehuset Nord-Norge HF');
    expect(sif.members.find((m) => m.isLeader)?.representsName).toBe('Universitetssykehuset Nord-Norge HF');
  });

  it('keeps the national steering groups as they were: the default listing has the 11 national groups only', async () => {
    const national = await listSteeringGroups(db(), TEST_TODAY, membershipHabilitet);
    expect(national).toHaveLength(11);
    expect(national.every((g) => g.kind === 'nationalSteeringGroup' && g.regionId === null)).toBe(true);
    const bodies = await listSteeringGroups(db(), TEST_TODAY, membershipHabilitet, 'all');
    expect(bodies.length).toBe(18);
    const sif = bodies.find((g) => g.code === 'HN-SIF')!;
    // The body page reuses the steering group's: no national composition checks for a regional body.
    expect((await getSteeringGroup(db(), sif.id, TEST_TODAY, membershipHabilitet)).checks).toEqual([]);
    expect(sif.escalationTarget?.name).toBe('Direktørmøte');
  });

  it('stores a change as a new version, materialises it, and audits before and after', async () => {
    const changed = {
      bodies: helseNordModel.bodies
        .filter((b) => b.code !== 'HN-REFIL')
        .map((b) =>
          b.code === 'HN-IMP'
            ? {
                ...b,
                escalationTargetCode: 'HN-DM',
                mandates: [...b.mandates, 'followUpImplementation' as const],
              }
            : b,
        ),
    };
    const result = await updateModel(db(), actor, 'HN', {
      value: changed,
      note: 'REFIL ut av modellen (test)',
    });
    expect(result.version).toBe(2);
    const view = await getModelView(db(), 'HN', TEST_TODAY);
    expect(view.version).toBe(2);
    expect(view.history.map((h) => [h.version, h.bodyCount])).toEqual([
      [2, 6],
      [1, 7],
    ]);
    const imp = view.bodies.find((b) => b.code === 'HN-IMP')!;
    expect(imp.escalationTarget?.name).toBe('Direktørmøte');
    expect(imp.mandates).toContain('followUpImplementation');
    expect(view.bodies.some((b) => b.code === 'HN-REFIL')).toBe(false);
    const refil = (await listSteeringGroups(db(), TEST_TODAY, membershipHabilitet, 'all')).find(
      (g) => g.code === 'HN-REFIL',
    )!;
    expect(refil.active).toBe(false);
    expect(refil.mandates).toEqual([]);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'governanceModel'), eq(auditLog.actorUsername, 'test-sekretariat')));
    expect(entry!.summary).toBe(
      'Ny versjon 2 av styringsmodellen for Helse Nord RHF: REFIL ut av modellen (test)',
    );
    expect((entry!.before as { version: number }).version).toBe(1);
    expect((entry!.after as { version: number; value: { bodies: unknown[] } }).value.bodies).toHaveLength(6);
    // Version 1 stays as history.
    const versions = await db()
      .select({ version: governanceModelConfig.version })
      .from(governanceModelConfig);
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('refuses an inconsistent model with the reason and stores nothing', async () => {
    const looping = {
      bodies: helseNordModel.bodies.map((b) =>
        b.code === 'HN-DM' ? { ...b, escalationTargetCode: 'HN-SIF' } : b,
      ),
    };
    await expect(updateModel(db(), actor, 'HN', { value: looping, note: null })).rejects.toThrow(
      'Eskaleringen fra Direktørmøte går i ring (HN-DM → HN-SIF → HN-DM).',
    );
    expect((await getModelView(db(), 'HN', TEST_TODAY)).version).toBe(2);
  });

  it('configures another region the same way, without code', async () => {
    const result = await updateModel(db(), actor, 'HV', {
      value: {
        bodies: [
          {
            code: 'HV-DM',
            name: 'Direktørmøte Helse Vest',
            kind: 'directorMeeting',
            description: null,
            secretariatCode: 'HV',
            escalationTargetCode: null,
            mandates: ['settleDisagreement'],
          },
          {
            code: 'HV-IF',
            name: 'Innkjøpsforum Helse Vest',
            kind: 'purchasingForum',
            description: null,
            secretariatCode: null,
            escalationTargetCode: 'HV-DM',
            mandates: ['followUpImplementation'],
          },
        ],
      },
      note: null,
    });
    expect(result).toEqual({ regionCode: 'HV', version: 1 });
    const view = await getModelView(db(), 'HV', TEST_TODAY);
    expect(view.bodies.map((b) => [b.code, b.escalationTarget?.name ?? null])).toEqual([
      ['HV-DM', null],
      ['HV-IF', 'Direktørmøte Helse Vest'],
    ]);
    await expect(
      updateModel(db(), actor, 'HV', {
        value: { bodies: [{ ...helseNordModel.bodies[0]! }] },
        note: null,
      }),
    ).rejects.toThrow('Koden HN-DM er allerede i bruk av Direktørmøte.');
  });
});
