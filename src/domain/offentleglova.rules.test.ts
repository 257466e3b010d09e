import { describe, expect, it } from 'vitest';
import { addYears } from '../shared/calendar-date.js';
import { checkAccess, effectiveAccess, publicTitle, section14Refusal } from './offentleglova.rules.js';

describe('offentleglova access rules', () => {
  it('keeps public documents free of legal bases', () => {
    expect(checkAccess({ accessStatus: 'public', legalBasis: null, shieldedWords: [] })).toEqual([]);
    expect(
      checkAccess({ accessStatus: 'public', legalBasis: 'offl23third', shieldedWords: [] })[0]!.path,
    ).toBe('legalBasis');
  });

  it('requires a legal basis for anything not public', () => {
    expect(
      checkAccess({ accessStatus: 'exempt', legalBasis: null, shieldedWords: [] })[0]!.message,
    ).toContain('hjemmel');
    expect(checkAccess({ accessStatus: 'exempt', legalBasis: 'offl23third', shieldedWords: [] })).toEqual([]);
  });

  it('refuses § 14 with the reason of seed 001 § 9', () => {
    const [problem] = checkAccess({ accessStatus: 'exempt', legalBasis: 'offl14', shieldedWords: [] });
    expect(problem!.message).toBe(section14Refusal);
    expect(section14Refusal).toContain('ikke som et internt organ');
  });

  it('lets § 13 and § 23 first paragraph exempt only parts of a document', () => {
    for (const legalBasis of ['offl13fvl13nr1', 'offl13fvl13nr2', 'offl23first'] as const) {
      expect(checkAccess({ accessStatus: 'exempt', legalBasis, shieldedWords: [] })[0]!.path).toBe(
        'accessStatus',
      );
      expect(checkAccess({ accessStatus: 'partlyExempt', legalBasis, shieldedWords: [] })).toEqual([]);
    }
  });

  it('removes shielded words from the public title (M025)', () => {
    expect(publicTitle('Tilbud fra Acme AS om hjerteventiler', ['Acme AS'])).toBe(
      'Tilbud fra ***** om hjerteventiler',
    );
    expect(publicTitle('Notat om Kari Nordmann og kari nordmann', ['Kari Nordmann'])).toBe(
      'Notat om ***** og *****',
    );
  });

  it('ends the § 23 third paragraph exemption at the award decision (M505)', () => {
    const stored = {
      title: 'Tilbud Acme',
      accessStatus: 'exempt' as const,
      legalBasis: 'offl23third' as const,
      shieldedWords: ['Acme'],
      classifiedOn: '2026-01-10',
    };
    const before = effectiveAccess(stored, { today: '2026-06-15', awardDecidedOn: null });
    expect(before.accessStatus).toBe('exempt');
    expect(before.noark).toMatchObject({
      tilgangsrestriksjon: '23',
      skjermingshjemmel: 'Offl. § 23 tredje ledd',
      skjermingDokument: 'Hele',
      skjermingMetadata: ['tittel'],
      skjermingOpphoererDato: null,
      offentligTittel: 'Tilbud *****',
    });
    const decided = effectiveAccess(stored, { today: '2026-06-15', awardDecidedOn: '2026-06-01' });
    expect(decided).toMatchObject({ accessStatus: 'public', lifted: true });
    expect(decided.noark.skjermingOpphoererDato).toBe('2026-06-01');
    expect(effectiveAccess(stored, { today: '2026-05-31', awardDecidedOn: '2026-06-01' }).accessStatus).toBe(
      'exempt',
    );
  });

  it('gives § 13 its 60 years (M504) and a date when it lapses', () => {
    const result = effectiveAccess(
      {
        title: 'CV',
        accessStatus: 'partlyExempt',
        legalBasis: 'offl13fvl13nr1',
        shieldedWords: [],
        classifiedOn: '2024-02-29',
      },
      { today: '2026-06-15', awardDecidedOn: null },
    );
    expect(result.noark).toMatchObject({
      skjermingsvarighet: 60,
      skjermingOpphoererDato: '2084-02-29',
      skjermingDokument: 'Delvis',
    });
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
