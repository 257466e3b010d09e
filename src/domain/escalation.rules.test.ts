import { describe, expect, it } from 'vitest';
import { rhfsAwaitingAnswer, settlementBlocker } from './escalation.rules.js';

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
