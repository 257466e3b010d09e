import { describe, expect, it } from 'vitest';
import { addYears } from '../shared/calendar-date.js';
import {
  accessOfUpload,
  checkAccess,
  effectiveAccess,
  publicTitle,
  section14Refusal,
} from './offentleglova.rules.js';

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

describe('the access of an upload (case documents)', () => {
  it('refuses a bare restricted flag: the exemption needs its legal basis', () => {
    const access = accessOfUpload({ restricted: true });
    expect(access).toEqual({ accessStatus: 'exempt', legalBasis: null, shieldedWords: [] });
    expect(checkAccess(access)).toEqual([
      expect.objectContaining({ path: 'legalBasis', message: expect.stringContaining('må ha hjemmel') }),
    ]);
  });
  it('takes the status from the legal basis: whole documents for § 23 (3), only the information otherwise', () => {
    expect(accessOfUpload({ legalBasis: 'offl23third' }).accessStatus).toBe('exempt');
    expect(accessOfUpload({ restricted: true, legalBasis: 'offl13fvl13nr2' }).accessStatus).toBe(
      'partlyExempt',
    );
    expect(accessOfUpload({ legalBasis: 'offl23first' }).accessStatus).toBe('partlyExempt');
    expect(checkAccess(accessOfUpload({ legalBasis: 'offl13fvl13nr1' }))).toEqual([]);
  });
  it('keeps a public upload public and an explicit status as given', () => {
    expect(accessOfUpload({})).toEqual({ accessStatus: 'public', legalBasis: null, shieldedWords: [] });
    expect(accessOfUpload({ restricted: false })).toMatchObject({ accessStatus: 'public', legalBasis: null });
    const explicit = accessOfUpload({ accessStatus: 'exempt', legalBasis: 'offl13fvl13nr2' });
    expect(checkAccess(explicit)[0]!.message).toContain('delvis unntatt');
    // A public status with a basis is refused rather than silently dropped.
    expect(checkAccess(accessOfUpload({ accessStatus: 'public', legalBasis: 'offl23third' }))).toHaveLength(
      1,
    );
    expect(checkAccess(accessOfUpload({ legalBasis: 'offl14' }))[0]!.message).toContain('§ 14');
  });
});
