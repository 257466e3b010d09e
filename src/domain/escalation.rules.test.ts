import { describe, expect, it } from 'vitest';
import { escalationBlocker, rhfsAwaitingAnswer, settlementBlocker } from './escalation.rules.js';

const names: Record<string, string> = {
  hn: 'Helse Nord RHF',
  hmn: 'Helse Midt-Norge RHF',
  hv: 'Helse Vest RHF',
};
const rhfName = (id: string) => names[id]!;

describe('escalation settlement', () => {
  it('lists the RHFs that have not answered, in the escalation order', () => {
    expect(rhfsAwaitingAnswer(['hn', 'hmn', 'hv'], [{ rhfId: 'hv' }])).toEqual(['hn', 'hmn']);
    expect(rhfsAwaitingAnswer(['hn'], [{ rhfId: 'hn' }, { rhfId: 'other' }])).toEqual([]);
  });

  it('refuses a settlement by one RHF while another concerned has not answered, naming it', () => {
    expect(settlementBlocker(['hn', 'hmn'], [{ rhfId: 'hn' }], rhfName)).toBe(
      'RHF-ene avklarer saken seg imellom: avklaringen kan registreres først når alle berørte RHF har svart (venter på Helse Midt-Norge RHF).',
    );
    expect(settlementBlocker(['hn', 'hmn', 'hv'], [], rhfName)).toContain(
      'Helse Nord RHF, Helse Midt-Norge RHF, Helse Vest RHF',
    );
  });

  it('allows the settlement once every RHF concerned has answered', () => {
    expect(settlementBlocker(['hn', 'hmn'], [{ rhfId: 'hmn' }, { rhfId: 'hn' }], rhfName)).toBeNull();
  });
});

describe('when a case may be escalated', () => {
  it('allows dissent, a recorded outside-mandate case, and an open case the group cannot decide', () => {
    expect(escalationBlocker('dissent', null)).toBeNull();
    expect(escalationBlocker('outsideMandate', null)).toBeNull();
    expect(escalationBlocker('open', 'undecidable')).toBeNull();
    expect(escalationBlocker('open', 'notQuorate')).toBeNull();
  });

  it('refuses an open case still being handled: outside the mandate is recorded first', () => {
    expect(escalationBlocker('open', 'pending')).toMatch(/registrer det først/);
    expect(escalationBlocker('open', 'approved')).toMatch(/under behandling/);
  });

  it('refuses closed and already escalated cases', () => {
    for (const status of ['approved', 'rejected', 'escalated', 'resolved', 'withdrawn', 'consulted'])
      expect(escalationBlocker(status, null), status).toMatch(/^Bare saker med dissens/);
  });
});
