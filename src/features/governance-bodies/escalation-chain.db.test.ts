// An escalation chain (seed 000 §4) on PGlite and PostgreSQL: the Anskaffelsesstyre's dissent goes to its
// configured target, Strategisk innkjøpsforum; that forum cannot settle it either, so its leader takes it on to
// its own target, the Direktørmøte, which settles it. The first step's brief and answer stay in the history.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKinds, TEST_TODAY } from '../../../tests/support/databases.js';
import { membersOf, useHelseNord } from '../../../tests/support/helse-nord.js';
import { demoUser } from '../../../tests/support/users.js';
import { auditLog } from '../../db/schema.js';
import type { CurrentUser } from '../auth/access.rules.js';
import * as cases from '../governance/cases/index.js';

describe.each(databaseKinds)('an escalation chain in the Helse Nord model on %s', (kind) => {
  const hn = useHelseNord(kind);
  let procurementId: string;
  let caseId: string;
  beforeAll(async () => {
    procurementId = await hn.newProcurement('Regional avtale stomi');
  });
  const db = () => hn.db;
  const submit = (input: Record<string, unknown>) => hn.submit(hn.secretariat, procurementId, input);
  const voteAll = (prefix: string, id: string, objector?: string) =>
    hn.voteAll(
      membersOf(prefix),
      id,
      objector ? { by: `${prefix}-${objector}`, comment: 'Planen er for stram.' } : undefined,
    );
  const further = (user: CurrentUser) =>
    cases.escalateFurther(
      db(),
      user,
      caseId,
      {
        brief: 'Forumet er delt i synet på planen.',
        recommendation: 'Godkjenne planen med en ekstra milepæl.',
      },
      TEST_TODAY,
    );

  it('the board dissents on the project plan and escalates to Strategisk innkjøpsforum', async () => {
    const region = await hn.view(procurementId);
    const board = region.levelOptions.find((b) => b.name === 'Anskaffelsesstyre Helse Nord')!;
    const level = await submit({
      subject: 'decisionLevel',
      proposedBodyId: board.id,
      title: 'Beslutningsnivå',
      text: 'Anskaffelsesstyret.',
    });
    expect((await voteAll('sif', level.id)).status).toBe('approved');
    caseId = (await submit({ subject: 'projectPlan', title: 'Prosjektplan stomi', text: 'Plan.' })).id;
    const dissent = await voteAll('innkjop', caseId, 'fin');
    expect(dissent).toMatchObject({
      status: 'dissent',
      escalationTarget: { name: 'Strategisk innkjøpsforum' },
    });
    await cases.escalateCase(
      db(),
      await demoUser(db(), 'innkjop-nlsh'),
      caseId,
      {
        reason: 'dissent',
        brief: 'Finnmarkssykehuset er uenig i planen.',
        recommendation: 'Godkjenne planen.',
      },
      TEST_TODAY,
    );
    const escalated = await cases.getCase(db(), await demoUser(db(), 'sif-unn'), caseId, TEST_TODAY);
    expect(escalated.escalation).toMatchObject({
      targetBody: { name: 'Strategisk innkjøpsforum' },
      nextTarget: { name: 'Direktørmøte' },
      previousSteps: [],
    });
    expect(escalated.viewer).toMatchObject({ canResolve: false, canEscalateFurther: true });
  });

  it('only the forum leader (or the secretariat) takes it on to the Direktørmøte', async () => {
    await expect(further(await demoUser(db(), 'sif-nlsh'))).rejects.toMatchObject({ code: 'forbidden' });
    const leader = await demoUser(db(), 'sif-unn');
    const regionId = (await cases.getCase(db(), leader, caseId, TEST_TODAY)).escalation!.rhfIds[0]!;
    await cases.answerForRhf(
      db(),
      leader,
      caseId,
      { rhfId: regionId, answer: 'Forumet er uenig.' },
      TEST_TODAY,
    );
    const forwarded = await further(leader);
    expect(forwarded.status).toBe('escalated');
    expect(forwarded.escalation).toMatchObject({
      targetBody: { name: 'Direktørmøte' },
      nextTarget: null,
      brief: 'Forumet er delt i synet på planen.',
      answers: [],
      previousSteps: [
        {
          targetBodyName: 'Strategisk innkjøpsforum',
          brief: 'Finnmarkssykehuset er uenig i planen.',
          escalatedBy: 'innkjop-nlsh',
          answers: [{ answer: 'Forumet er uenig.', answeredBy: 'sif-unn' }],
          forwardedBy: 'sif-unn',
          forwardedOn: TEST_TODAY,
        },
      ],
    });
    // The forum no longer acts for the case; the end of the chain cannot go further.
    await expect(further(leader)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(further(await demoUser(db(), 'dm-hn'))).rejects.toMatchObject({ code: 'conflict' });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'escalateFurther')));
    expect(audit.map((a) => a.summary)).toEqual([
      'Eskalert videre fra Strategisk innkjøpsforum til Direktørmøte: Prosjektplan stomi',
    ]);
  });

  it('the Direktørmøte settles it and the project plan gate is decided', async () => {
    const director = await demoUser(db(), 'dm-hn');
    const regionId = (await cases.getCase(db(), director, caseId, TEST_TODAY)).escalation!.rhfIds[0]!;
    await cases.answerForRhf(
      db(),
      director,
      caseId,
      { rhfId: regionId, answer: 'Planen godkjennes.' },
      TEST_TODAY,
    );
    await cases.resolveCase(
      db(),
      director,
      caseId,
      { outcome: 'approved', text: 'Planen godkjennes med en ekstra milepæl.' },
      TEST_TODAY,
    );
    const resolved = await cases.getCase(db(), hn.secretariat, caseId, TEST_TODAY);
    expect(resolved).toMatchObject({
      status: 'resolved',
      decisionNumber: expect.stringMatching(/^HN-AS-2026-\d{2}$/),
    });
    const region = await hn.view(procurementId);
    expect(region.gates.find((g) => g.gate === 'projectPlan')?.status).toBe('decided');
  });
});
