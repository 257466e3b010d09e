import { describe, expect, it } from 'vitest';
import { caseCapabilities, type CaseLifecycleInput } from './case-lifecycle.rules.js';

const nobody = { isSecretariat: false, isGroupLeader: false, isProcurementLead: false, rhfContactFor: [] };
const leader = { ...nobody, isGroupLeader: true };
const secretariat = { ...nobody, isSecretariat: true };
const lead = { ...nobody, isProcurementLead: true };
const vestContact = { ...nobody, rhfContactFor: ['vest'] };

const input = (over: Partial<CaseLifecycleInput> = {}): CaseLifecycleInput => ({
  status: 'open',
  kind: 'decision',
  tallyStatus: 'open',
  escalation: null,
  viewer: nobody,
  ...over,
});
const escalated = (answers: string[] = []) =>
  input({
    status: 'escalated',
    escalation: { rhfIds: ['vest', 'nord'], answers: answers.map((rhfId) => ({ rhfId })) },
  });

describe('caseCapabilities', () => {
  it('lets the leader or the secretariat mark an open or dissenting case outside the mandate, no one else', () => {
    for (const status of ['open', 'dissent']) {
      expect(caseCapabilities(input({ status, viewer: leader })).markOutsideMandate).toBeNull();
      expect(caseCapabilities(input({ status, viewer: secretariat })).markOutsideMandate).toBeNull();
      expect(caseCapabilities(input({ status, viewer: lead })).markOutsideMandate?.refusal).toBe('forbidden');
    }
    for (const status of ['approved', 'escalated', 'outsideMandate', 'resolved'])
      expect(caseCapabilities(input({ status, viewer: leader })).markOutsideMandate?.refusal).toBe(
        'conflict',
      );
  });

  it('escalates dissent, outside-mandate, and open cases the group cannot decide; refuses an open decidable one', () => {
    expect(caseCapabilities(input({ status: 'dissent', viewer: leader })).escalate).toBeNull();
    expect(caseCapabilities(input({ status: 'outsideMandate', viewer: secretariat })).escalate).toBeNull();
    expect(caseCapabilities(input({ tallyStatus: 'notQuorate', viewer: leader })).escalate).toBeNull();
    expect(caseCapabilities(input({ tallyStatus: 'undecidable', viewer: leader })).escalate).toBeNull();
    const open = caseCapabilities(input({ tallyStatus: 'open', viewer: leader })).escalate;
    expect(open).toMatchObject({ refusal: 'conflict', reason: expect.stringContaining('under behandling') });
    expect(caseCapabilities(input({ status: 'approved', viewer: leader })).escalate?.refusal).toBe(
      'conflict',
    );
    expect(caseCapabilities(input({ status: 'dissent', viewer: vestContact })).escalate?.refusal).toBe(
      'forbidden',
    );
  });

  it('ignores a stale tally once the case is no longer open', () => {
    expect(
      caseCapabilities(input({ status: 'approved', tallyStatus: 'notQuorate', viewer: leader })).escalate,
    ).not.toBeNull();
  });

  it('lets each RHF contact answer only for their own RHF, the secretariat for any RHF concerned', () => {
    const asContact = caseCapabilities({ ...escalated(), viewer: vestContact });
    expect(asContact.answerableRhfIds).toEqual(['vest']);
    expect(asContact.answerForRhf('vest')).toBeNull();
    expect(asContact.answerForRhf('nord')?.refusal).toBe('forbidden');
    expect(asContact.answerForRhf('sor-ost')?.refusal).toBe('badRequest');
    expect(caseCapabilities({ ...escalated(), viewer: secretariat }).answerableRhfIds).toEqual([
      'vest',
      'nord',
    ]);
    const notEscalated = caseCapabilities(input({ status: 'dissent', viewer: secretariat }));
    expect(notEscalated.answerableRhfIds).toEqual([]);
    expect(notEscalated.answerForRhf('vest')?.refusal).toBe('conflict');
  });

  it('records the settlement only when every RHF concerned has answered, by a contact of one of them or the secretariat', () => {
    const waiting = caseCapabilities({
      ...escalated(['vest']),
      viewer: vestContact,
      rhfName: (id) => `Helse ${id}`,
    });
    expect(waiting.resolve).toMatchObject({
      refusal: 'conflict',
      reason: expect.stringContaining('Helse nord'),
    });
    expect(caseCapabilities({ ...escalated(['vest', 'nord']), viewer: vestContact }).resolve).toBeNull();
    expect(caseCapabilities({ ...escalated(['vest', 'nord']), viewer: secretariat }).resolve).toBeNull();
    expect(caseCapabilities({ ...escalated(['vest', 'nord']), viewer: leader }).resolve?.refusal).toBe(
      'forbidden',
    );
    expect(caseCapabilities(input({ status: 'dissent', viewer: secretariat })).resolve?.refusal).toBe(
      'conflict',
    );
  });

  it('records a consultation while it is open, by the procurement lead, the leader or the secretariat', () => {
    const consultation = (viewer: CaseLifecycleInput['viewer'], status = 'open') =>
      caseCapabilities(input({ kind: 'consultation', status, viewer })).recordConsultation;
    expect(consultation(lead)).toBeNull();
    expect(consultation(leader)).toBeNull();
    expect(consultation(secretariat)).toBeNull();
    expect(consultation(vestContact)?.refusal).toBe('forbidden');
    expect(consultation(lead, 'consulted')?.refusal).toBe('conflict');
    expect(caseCapabilities(input({ viewer: lead })).recordConsultation?.refusal).toBe('badRequest');
  });

  it('adds documents while the case is handled, by the procurement lead or the secretariat', () => {
    for (const status of ['open', 'dissent', 'outsideMandate', 'escalated'])
      expect(caseCapabilities(input({ status, viewer: lead })).addDocuments).toBeNull();
    for (const status of ['approved', 'rejected', 'resolved', 'consulted'])
      expect(caseCapabilities(input({ status, viewer: secretariat })).addDocuments?.refusal).toBe('conflict');
    expect(caseCapabilities(input({ viewer: leader })).addDocuments?.refusal).toBe('forbidden');
  });
});

describe('caseCapabilities for an unresolved faggruppe matter (V01 §7.3)', () => {
  const shiLine = { ...nobody, isShiLine: true };
  const matter = (over: Partial<CaseLifecycleInput> = {}) =>
    input({
      kind: 'faggruppeMatter',
      faggruppeMatter: { raisedOn: '2026-06-15', escalationDays: 14 },
      today: '2026-06-29',
      ...over,
    });

  it('lets the leder anskaffelse or the secretariat take it up the line once the days have passed', () => {
    expect(caseCapabilities(matter({ viewer: lead })).escalateToLine).toBeNull();
    expect(caseCapabilities(matter({ viewer: secretariat })).escalateToLine).toBeNull();
    expect(caseCapabilities(matter({ viewer: lead, status: 'dissent' })).escalateToLine).toBeNull();
    for (const viewer of [nobody, leader, vestContact, shiLine])
      expect(caseCapabilities(matter({ viewer })).escalateToLine?.refusal).toBe('forbidden');
  });

  it('refuses the line before the days have passed and once the group handled it', () => {
    expect(caseCapabilities(matter({ viewer: lead, today: '2026-06-28' })).escalateToLine).toEqual({
      refusal: 'conflict',
      reason:
        'Styringsgruppen har 14 dager på å behandle saken (fremmet 15.06.2026); den kan eskaleres i linjen fra 29.06.2026.',
    });
    for (const status of ['approved', 'lineEscalated', 'escalated', 'resolved'])
      expect(caseCapabilities(matter({ viewer: lead, status })).escalateToLine?.refusal).toBe('conflict');
  });

  it('never takes another kind of case up the line', () => {
    for (const kind of ['decision', 'consultation', 'delegation'])
      expect(caseCapabilities(matter({ kind, viewer: lead })).escalateToLine).toEqual({
        refusal: 'conflict',
        reason: 'Bare uavklarte saker fra faggruppen eskaleres i linjen til Sykehusinnkjøp.',
      });
    expect(caseCapabilities(matter({ viewer: lead, faggruppeMatter: null })).escalateToLine?.refusal).toBe(
      'conflict',
    );
  });

  it('lets the line refer it to the RHFs once it has it; the secretariat only where the line has no user', () => {
    const atLine = (over: Partial<CaseLifecycleInput>) => matter({ status: 'lineEscalated', ...over });
    expect(caseCapabilities(atLine({ viewer: shiLine, shiLineUserExists: true })).referToRhfs).toBeNull();
    expect(
      caseCapabilities(atLine({ viewer: secretariat, shiLineUserExists: false })).referToRhfs,
    ).toBeNull();
    expect(
      caseCapabilities(atLine({ viewer: secretariat, shiLineUserExists: true })).referToRhfs?.refusal,
    ).toBe('forbidden');
    for (const viewer of [lead, leader, vestContact])
      expect(caseCapabilities(atLine({ viewer, shiLineUserExists: false })).referToRhfs?.refusal).toBe(
        'forbidden',
      );
    expect(
      caseCapabilities(matter({ status: 'open', viewer: shiLine, shiLineUserExists: true })).referToRhfs,
    ).toEqual({
      refusal: 'conflict',
      reason: 'Saken må først eskaleres i linjen til Sykehusinnkjøp av leder anskaffelse.',
    });
    expect(
      caseCapabilities(matter({ status: 'escalated', viewer: shiLine, shiLineUserExists: true })).referToRhfs
        ?.refusal,
    ).toBe('conflict');
  });

  it('takes documents while the matter is with the line', () => {
    expect(caseCapabilities(matter({ status: 'lineEscalated', viewer: lead })).addDocuments).toBeNull();
  });

  it('lets the leader of the escalation target (seed 000: Direktørmøte), not the RHF contacts, answer and settle', () => {
    const toBody = (viewer: CaseLifecycleInput['viewer'], answers: string[] = []) =>
      caseCapabilities(
        input({
          status: 'escalated',
          viewer,
          escalation: { rhfIds: ['nord'], answers: answers.map((rhfId) => ({ rhfId })), targetBodyId: 'dm' },
        }),
      );
    const targetLeader = { ...nobody, leadsEscalationTarget: true };
    const nordContact = { ...nobody, rhfContactFor: ['nord'] };
    expect(toBody(targetLeader).answerForRhf('nord')).toBeNull();
    expect(toBody(targetLeader).answerableRhfIds).toEqual(['nord']);
    expect(toBody(secretariat).answerForRhf('nord')).toBeNull();
    expect(toBody(nordContact).answerForRhf('nord')).toMatchObject({
      refusal: 'forbidden',
      reason: 'Bare lederen av organet saken er eskalert til, og sekretariatet, kan svare.',
    });
    expect(toBody(leader).answerForRhf('nord')?.refusal).toBe('forbidden');
    expect(toBody(nordContact, ['nord']).resolve?.refusal).toBe('forbidden');
    expect(toBody(targetLeader).resolve?.refusal).toBe('conflict');
    expect(toBody(targetLeader, ['nord']).resolve).toBeNull();
  });

  it('lets the escalation target leader take the case on to its own target, only where the chain goes on', () => {
    const toBody = (
      nextTargetName: string | null,
      viewer: CaseLifecycleInput['viewer'] = { ...nobody, leadsEscalationTarget: true },
    ) =>
      caseCapabilities(
        input({
          status: 'escalated',
          viewer,
          escalation: { rhfIds: ['nord'], answers: [], targetBodyId: 'sif', nextTargetName },
        }),
      ).escalateFurther;
    expect(toBody('Direktørmøte')).toBeNull();
    expect(toBody('Direktørmøte', secretariat)).toBeNull();
    expect(toBody('Direktørmøte', leader)?.refusal).toBe('forbidden');
    expect(toBody(null)?.refusal).toBe('conflict');
    expect(caseCapabilities({ ...escalated(), viewer: secretariat }).escalateFurther?.refusal).toBe(
      'conflict',
    );
    expect(caseCapabilities(input({ status: 'dissent', viewer: leader })).escalateFurther?.refusal).toBe(
      'conflict',
    );
  });
});
