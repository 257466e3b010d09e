import { describe, expect, it } from 'vitest';
import { canComment, canEditItems, checkTransition } from './annual-plan.rules.js';

describe('annual plan status', () => {
  it('goes draft → RHF feedback → approved, and back to draft from feedback', () => {
    expect(checkTransition('draft', 'rhfFeedback', 3)).toBeNull();
    expect(checkTransition('rhfFeedback', 'approved', 3)).toBeNull();
    expect(checkTransition('rhfFeedback', 'draft', 3)).toBeNull();
  });
  it('refuses skipping feedback, leaving approved and sending an empty plan', () => {
    expect(checkTransition('draft', 'approved', 3)).toMatch(/kan ikke gå fra/);
    expect(checkTransition('approved', 'draft', 3)).toMatch(/kan ikke gå fra/);
    expect(checkTransition('draft', 'rhfFeedback', 0)).toMatch(/uten anskaffelser/);
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
