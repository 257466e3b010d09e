import { describe, expect, it } from 'vitest';
import {
  escalationBlocker,
  FAGGRUPPE_ESCALATION_DAYS_DEFAULT,
  lineCapacity,
  lineEscalationBlocker,
  lineEscalationFrom,
  lineRecipients,
  rhfReferralBlocker,
  rhfsAwaitingAnswer,
  settlementBlocker,
} from './escalation.rules.js';

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

describe('unresolved faggruppe matters up the Sykehusinnkjøp line (V01 §7.3)', () => {
  const matter = (status: string, raisedOn = '2026-06-15', escalationDays = 14) => ({
    kind: 'faggruppeMatter',
    status,
    raisedOn,
    escalationDays,
  });

  it('gives the group the configured number of days, counted on the calendar', () => {
    expect(FAGGRUPPE_ESCALATION_DAYS_DEFAULT).toBe(14);
    expect(lineEscalationFrom('2026-06-15', 14)).toBe('2026-06-29');
    expect(lineEscalationFrom('2028-02-20', 14)).toBe('2028-03-05');
    expect(lineEscalationFrom('2026-12-25', 7)).toBe('2027-01-01');
    expect(lineEscalationFrom('2026-06-15', 1)).toBe('2026-06-16');
  });

  it('refuses the line before the days have passed, naming the day it opens', () => {
    expect(lineEscalationBlocker(matter('open'), '2026-06-15')).toBe(
      'Styringsgruppen har 14 dager på å behandle saken (fremmet 15.06.2026); den kan eskaleres i linjen fra 29.06.2026.',
    );
    expect(lineEscalationBlocker(matter('open'), '2026-06-28')).toContain('fra 29.06.2026');
    expect(lineEscalationBlocker(matter('dissent'), '2026-06-28')).toContain('fra 29.06.2026');
    expect(lineEscalationBlocker(matter('open', '2026-06-15', 3), '2026-06-17')).toContain('har 3 dager');
  });

  it('allows the line from that day while the group has not handled the matter', () => {
    for (const status of ['open', 'dissent', 'outsideMandate']) {
      expect(lineEscalationBlocker(matter(status), '2026-06-29')).toBeNull();
      expect(lineEscalationBlocker(matter(status), '2027-01-01')).toBeNull();
    }
    expect(lineEscalationBlocker(matter('open', '2026-06-15', 1), '2026-06-16')).toBeNull();
  });

  it('refuses the line for a matter the group handled or that is already on its way up', () => {
    expect(lineEscalationBlocker(matter('lineEscalated'), '2026-07-01')).toBe(
      'Saken er allerede eskalert i linjen til Sykehusinnkjøp.',
    );
    expect(lineEscalationBlocker(matter('escalated'), '2026-07-01')).toBe(
      'Saken er allerede eskalert til RHF-ene.',
    );
    for (const status of ['approved', 'resolved', 'withdrawn', 'consulted'])
      expect(lineEscalationBlocker(matter(status), '2026-07-01')).toBe(
        'Styringsgruppen har behandlet saken; den kan ikke eskaleres i linjen.',
      );
  });

  it('refuses the line for any other kind of case, whatever its status or age', () => {
    for (const kind of ['decision', 'consultation', 'delegation'])
      for (const status of ['open', 'dissent', 'outsideMandate'])
        expect(lineEscalationBlocker({ ...matter(status), kind }, '2030-01-01')).toBe(
          'Bare uavklarte saker fra faggruppen eskaleres i linjen til Sykehusinnkjøp.',
        );
  });

  it('lets the line take the matter to the RHFs only once it has it', () => {
    expect(rhfReferralBlocker(matter('lineEscalated'))).toBeNull();
    expect(rhfReferralBlocker(matter('escalated'))).toBe('Saken er allerede eskalert til RHF-ene.');
    for (const status of ['open', 'dissent', 'outsideMandate', 'approved', 'resolved'])
      expect(rhfReferralBlocker(matter(status))).toBe(
        'Saken må først eskaleres i linjen til Sykehusinnkjøp av leder anskaffelse.',
      );
    expect(rhfReferralBlocker({ kind: 'decision', status: 'lineEscalated' })).toBe(
      'Bare uavklarte saker fra faggruppen går via linjen til Sykehusinnkjøp.',
    );
  });

  it('lets the line act, and the secretariat only where the line has no user', () => {
    const cases = [
      { isShiLine: true, isSecretariat: false, exists: true, expected: 'shiLine' },
      { isShiLine: true, isSecretariat: true, exists: true, expected: 'shiLine' },
      { isShiLine: false, isSecretariat: true, exists: false, expected: 'secretariat' },
      { isShiLine: false, isSecretariat: true, exists: true, expected: null },
      { isShiLine: false, isSecretariat: false, exists: false, expected: null },
      { isShiLine: false, isSecretariat: false, exists: true, expected: null },
    ] as const;
    for (const { isShiLine, isSecretariat, exists, expected } of cases)
      expect(lineCapacity({ isShiLine, isSecretariat }, exists)).toBe(expected);
  });

  it('sends the escalation to the line, else to the secretariat', () => {
    expect(lineRecipients(['line-1', 'line-2'], ['sek'])).toEqual(['line-1', 'line-2']);
    expect(lineRecipients([], ['sek-1', 'sek-2'])).toEqual(['sek-1', 'sek-2']);
    expect(lineRecipients([], [])).toEqual([]);
  });

  it("keeps the group leader's own escalation for a matter with dissent", () => {
    expect(escalationBlocker('dissent', null)).toBeNull();
    expect(escalationBlocker('lineEscalated', null)).toBe(
      'Bare saker med dissens, utenfor mandatet, eller som gruppen ikke kan avgjøre, kan eskaleres.',
    );
  });
});
