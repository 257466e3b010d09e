import { describe, expect, it } from 'vitest';
import {
  approvalBlocker,
  canComment,
  canEditItems,
  checkTransition,
  planCarryOver,
  rhfsAwaitingApproval,
} from './annual-plan.rules.js';

describe('annual plan status', () => {
  it('goes draft → RHF feedback → approved, and back to draft from feedback', () => {
    expect(checkTransition('draft', 'rhfFeedback', 3)).toBeNull();
    expect(checkTransition('rhfFeedback', 'approved', 3, [])).toBeNull();
    expect(checkTransition('rhfFeedback', 'draft', 3, ['Helse Nord RHF'])).toBeNull();
  });
  it('refuses skipping feedback, leaving approved and sending an empty plan', () => {
    expect(checkTransition('draft', 'approved', 3)).toMatch(/kan ikke gå fra/);
    expect(checkTransition('approved', 'draft', 3)).toMatch(/kan ikke gå fra/);
    expect(checkTransition('draft', 'rhfFeedback', 0)).toMatch(/uten anskaffelser/);
  });
  it('refuses approval while an RHF has not approved, naming the RHFs awaited', () => {
    const problem = checkTransition('rhfFeedback', 'approved', 3, ['Helse Nord RHF', 'Helse Vest RHF']);
    expect(problem).toContain('godkjennes av RHF-ene');
    expect(problem).toContain('Helse Nord RHF, Helse Vest RHF');
  });
  it('edits only drafts and takes comments only during feedback', () => {
    expect([canEditItems('draft'), canEditItems('rhfFeedback'), canEditItems('approved')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([canComment('draft'), canComment('rhfFeedback'), canComment('approved')]).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe("each RHF's approval", () => {
  const nord = { id: 'hn', name: 'Helse Nord RHF' };
  it('lists the RHFs still to approve, in order', () => {
    expect(rhfsAwaitingApproval(['hn', 'hmn', 'hv', 'hso'], [{ rhfId: 'hv' }, { rhfId: 'hn' }])).toEqual([
      'hmn',
      'hso',
    ]);
    expect(rhfsAwaitingApproval(['hn'], [{ rhfId: 'hn' }])).toEqual([]);
  });
  it('takes an approval only during the feedback round, once per RHF', () => {
    expect(approvalBlocker('rhfFeedback', nord, [])).toBeNull();
    expect(approvalBlocker('rhfFeedback', nord, [{ rhfId: 'hv' }])).toBeNull();
    expect(approvalBlocker('rhfFeedback', nord, [{ rhfId: 'hn' }])).toBe(
      'Helse Nord RHF har allerede godkjent planen.',
    );
    expect(approvalBlocker('draft', nord, [])).toMatch(/mens den er ute til innspill/);
    expect(approvalBlocker('approved', nord, [])).toBe('Planen er allerede godkjent.');
  });
});

describe('carrying a plan item over to its procurement', () => {
  it('writes the initial significance and risk that differ from what the procurement holds', () => {
    expect(
      planCarryOver(
        { initialSignificance: 'høy', riskProfile: 'medium' },
        { initial: null, riskProfile: null },
      ),
    ).toEqual({ initial: 'høy', riskProfile: 'medium' });
    expect(
      planCarryOver(
        { initialSignificance: 'høy', riskProfile: 'medium' },
        { initial: 'lav', riskProfile: 'lav' },
      ),
    ).toEqual({ initial: 'høy', riskProfile: 'medium' });
  });
  it('writes nothing that is already there, and no risk when the plan has none', () => {
    expect(
      planCarryOver(
        { initialSignificance: 'lav', riskProfile: 'høy' },
        { initial: 'lav', riskProfile: 'høy' },
      ),
    ).toEqual({ initial: null, riskProfile: null });
    expect(
      planCarryOver({ initialSignificance: 'lav', riskProfile: null }, { initial: null, riskProfile: 'høy' }),
    ).toEqual({ initial: 'lav', riskProfile: null });
  });
});
