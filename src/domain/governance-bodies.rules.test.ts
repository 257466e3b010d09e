import { describe, expect, it } from 'vitest';
import {
  canDecideProcurements,
  checkModelConfig,
  decidingBodyOf,
  escalationChain,
  isInRegionalModel,
  mandateBlocker,
  regionalGates,
  type BodyConfig,
  type RegionalCase,
} from './governance-bodies.rules.js';

const body = (code: string, fields: Partial<BodyConfig> = {}): BodyConfig => ({
  code,
  name: `Organ ${code}`,
  kind: 'strategicForum',
  description: null,
  secretariatCode: null,
  escalationTargetCode: null,
  mandates: [],
  ...fields,
});

describe('escalation chains', () => {
  it('follows the configured targets up to a body without one', () => {
    const bodies = [
      body('AS', { escalationTargetCode: 'SIF' }),
      body('SIF', { escalationTargetCode: 'DM' }),
      body('DM'),
    ];
    expect(escalationChain('AS', bodies)).toEqual(['AS', 'SIF', 'DM']);
    expect(escalationChain('DM', bodies)).toEqual(['DM']);
  });

  it('stops at a repeat instead of looping', () => {
    const bodies = [body('A', { escalationTargetCode: 'B' }), body('B', { escalationTargetCode: 'A' })];
    expect(escalationChain('A', bodies)).toEqual(['A', 'B']);
  });
});

describe('checking a region model', () => {
  const board = body('AS', {
    kind: 'procurementBoard',
    mandates: ['approveProjectPlan', 'approveTenderDocuments', 'approveSupplierRecommendation'],
  });

  it('accepts a consistent model', () => {
    expect(
      checkModelConfig(
        {
          bodies: [
            body('SIF', {
              mandates: ['setDecisionLevel'],
              escalationTargetCode: 'DM',
              secretariatCode: 'SHI-NORD',
            }),
            body('DM'),
            board,
          ],
        },
        ['SHI-NORD'],
      ),
    ).toEqual([]);
  });

  it('names duplicate codes, unknown secretariats, unknown and self targets and loops', () => {
    const problems = checkModelConfig(
      {
        bodies: [
          body('A', { escalationTargetCode: 'B', secretariatCode: 'NOPE' }),
          body('B', { escalationTargetCode: 'A' }),
          body('A'),
          body('C', { escalationTargetCode: 'C' }),
          body('D', { escalationTargetCode: 'X', mandates: ['setDecisionLevel', 'setDecisionLevel'] }),
        ],
      },
      [],
    ).map((p) => p.message);
    expect(problems).toContain('Koden A er brukt av flere organer.');
    expect(problems).toContain('Sekretariatet NOPE finnes ikke blant organisasjonene.');
    expect(problems).toContain('Eskaleringen fra Organ A går i ring (A → B → A).');
    expect(problems).toContain('Organ C kan ikke eskalere til seg selv.');
    expect(problems).toContain('Organ D eskalerer til X, som ikke er et organ i modellen.');
    expect(problems).toContain('Organ D har samme beslutningstype flere ganger.');
  });

  it('needs one level-setting body and a body that can take the decisions', () => {
    expect(
      checkModelConfig(
        {
          bodies: [
            body('S1', { mandates: ['setDecisionLevel'] }),
            body('S2', { mandates: ['setDecisionLevel'] }),
            board,
          ],
        },
        [],
      ).map((p) => p.message),
    ).toEqual(['Bare ett organ kan beslutte beslutningsnivået (Organ S1, Organ S2).']);
    expect(
      checkModelConfig({ bodies: [body('S1', { mandates: ['setDecisionLevel'] })] }, [])[0]!.message,
    ).toMatch(/^Ingen organer kan få beslutningene/);
    expect(canDecideProcurements(board)).toBe(true);
    expect(canDecideProcurements({ mandates: ['approveProjectPlan'] })).toBe(false);
  });
});

describe('regional procurements', () => {
  it('are governed only at level regional in a region with a model', () => {
    expect(isInRegionalModel('regional', true)).toBe(true);
    expect(isInRegionalModel('regional', false)).toBe(false);
    expect(isInRegionalModel('lokal', true)).toBe(false);
    expect(isInRegionalModel('nasjonal', true)).toBe(false);
  });

  const caseOf = (fields: Partial<RegionalCase>): RegionalCase => ({
    id: 'c',
    gate: 'decisionLevel',
    steeringGroupId: 'sif',
    status: 'open',
    resolutionOutcome: null,
    proposedBodyId: null,
    decidedOn: null,
    ...fields,
  });
  const names: Record<string, string> = { sif: 'Strategisk innkjøpsforum', as: 'Anskaffelsesstyret' };
  const gates = (cases: RegionalCase[]) =>
    regionalGates({ levelBodyId: 'sif', cases, bodyName: (id) => names[id]! });

  it('start with the decision level in the level-setting body, the rest locked', () => {
    expect(gates([]).map((g) => [g.gate, g.bodyId, g.status])).toEqual([
      ['decisionLevel', 'sif', 'awaitingCase'],
      ['projectPlan', null, 'locked'],
      ['tenderDocuments', null, 'locked'],
      ['supplierRecommendation', null, 'locked'],
    ]);
  });

  it('give the decisions to the body the approved decision-level case names', () => {
    const level = caseOf({ id: 'l', status: 'approved', proposedBodyId: 'as', decidedOn: '2026-06-15' });
    expect(decidingBodyOf([level])).toBe('as');
    const plan = caseOf({
      id: 'p',
      gate: 'projectPlan',
      steeringGroupId: 'as',
      status: 'approved',
      decidedOn: '2026-06-20',
    });
    const tender = caseOf({ id: 't', gate: 'tenderDocuments', steeringGroupId: 'as', status: 'dissent' });
    expect(gates([level, plan, tender]).map((g) => [g.gate, g.bodyId, g.status, g.decidedOn])).toEqual([
      ['decisionLevel', 'sif', 'decided', '2026-06-15'],
      ['projectPlan', 'as', 'decided', '2026-06-20'],
      ['tenderDocuments', 'as', 'dissent', null],
      ['supplierRecommendation', 'as', 'locked', null],
    ]);
    expect(gates([level, plan, tender])[2]!.blockingReason).toBe(
      'Det er uenighet i Anskaffelsesstyret; saken må eskaleres.',
    );
  });

  it('count a resolution approving after escalation, and reopen after a rejecting one', () => {
    const resolved = caseOf({ status: 'resolved', resolutionOutcome: 'approved', proposedBodyId: 'as' });
    expect(decidingBodyOf([resolved])).toBe('as');
    const rejected = caseOf({ status: 'resolved', resolutionOutcome: 'rejected', proposedBodyId: 'as' });
    expect(decidingBodyOf([rejected])).toBeNull();
    expect(gates([rejected])[0]!.status).toBe('awaitingCase');
    expect(gates([caseOf({ status: 'escalated' })])[0]!.status).toBe('escalated');
  });

  it('ignore cases of another body for a gate', () => {
    const elsewhere = caseOf({ steeringGroupId: 'as', status: 'approved', proposedBodyId: 'as' });
    expect(gates([elsewhere])[0]!.status).toBe('awaitingCase');
  });

  it('refuse a case outside the body mandate', () => {
    const sif = { name: 'Strategisk innkjøpsforum', mandates: ['setDecisionLevel'] };
    expect(mandateBlocker(sif, 'decisionLevel', null)).toBeNull();
    expect(mandateBlocker(sif, 'projectPlan', null)).toBe(
      '«Godkjenne prosjektplanen» er utenfor mandatet til Strategisk innkjøpsforum.',
    );
    expect(mandateBlocker(sif, 'bodyMatter', null)).toBe(
      'Oppgi hvilken beslutningstype i mandatet saken gjelder.',
    );
    expect(
      mandateBlocker(
        { name: 'Innkjøpsforum', mandates: ['followUpImplementation'] },
        'bodyMatter',
        'followUpImplementation',
      ),
    ).toBeNull();
  });
});
