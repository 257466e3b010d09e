import { describe, expect, it } from 'vitest';
import {
  appealDeadline,
  checkItemDecision,
  composeAnswerText,
  monthlyStatistics,
  publicAccessOf,
  requestDeadlines,
  requestUrgency,
  type PublicAccess,
} from './public-access.rules.js';

const stored = (over: Partial<Parameters<typeof publicAccessOf>[0]['stored']> = {}) => ({
  title: 'Evaluering av Leverandør AS',
  accessStatus: 'partlyExempt' as const,
  legalBasis: 'offl13fvl13nr2' as const,
  shieldedWords: ['Leverandør AS'],
  classifiedOn: '2026-06-01',
  ...over,
});

describe('publicAccessOf', () => {
  it('a partly exempt document is served only as its variant, with the shielded title', () => {
    expect(
      publicAccessOf({
        stored: stored(),
        awardDecidedOn: null,
        today: '2026-06-15',
        hasFile: true,
        variant: null,
      }),
    ).toMatchObject({
      accessStatus: 'partlyExempt',
      serve: null,
      publicTitle: 'Evaluering av *****',
      legalBases: ['offl13fvl13nr2'],
    });
    expect(
      publicAccessOf({
        stored: stored(),
        awardDecidedOn: null,
        today: '2026-06-15',
        hasFile: true,
        variant: { legalBases: ['offl13fvl13nr2'] },
      }).serve,
    ).toBe('variant');
  });
  it('an exempt tender lifts at the award; a variant with § 13 parts still stands', () => {
    const tender = stored({ accessStatus: 'exempt', legalBasis: 'offl23third', shieldedWords: [] });
    const before = publicAccessOf({
      stored: tender,
      awardDecidedOn: '2026-06-20',
      today: '2026-06-15',
      hasFile: true,
      variant: null,
    });
    expect(before).toMatchObject({ accessStatus: 'exempt', serve: null, exemptionEndsOn: '2026-06-20' });
    const after = publicAccessOf({
      stored: tender,
      awardDecidedOn: '2026-06-20',
      today: '2026-06-20',
      hasFile: true,
      variant: null,
    });
    expect(after).toMatchObject({ accessStatus: 'public', serve: 'original', lifted: true });
    const withSecrets = publicAccessOf({
      stored: { ...tender, accessStatus: 'partlyExempt' },
      awardDecidedOn: '2026-06-20',
      today: '2026-06-21',
      hasFile: true,
      variant: { legalBases: ['offl23third', 'offl13fvl13nr2'] },
    });
    expect(withSecrets).toMatchObject({
      accessStatus: 'partlyExempt',
      serve: 'variant',
      legalBases: ['offl13fvl13nr2'],
    });
  });
  it('a § 13 exemption lifts after 60 years (skjermingsvarighet)', () => {
    expect(
      publicAccessOf({
        stored: stored(),
        awardDecidedOn: null,
        today: '2086-06-01',
        hasFile: true,
        variant: null,
      }).accessStatus,
    ).toBe('public');
    expect(
      publicAccessOf({
        stored: stored(),
        awardDecidedOn: null,
        today: '2086-05-31',
        hasFile: true,
        variant: null,
      }).accessStatus,
    ).toBe('partlyExempt');
  });
});

describe('deadlines', () => {
  it('3 and 5 working days, and the urgency rising day by day', () => {
    expect(requestDeadlines('2026-06-15')).toEqual({ dueOn: '2026-06-18', deemedRefusedAfter: '2026-06-22' });
    const urgency = (today: string) => requestUrgency({ receivedOn: '2026-06-15', answeredOn: null }, today);
    expect(
      ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19', '2026-06-22', '2026-06-23'].map(
        urgency,
      ),
    ).toEqual(['onTime', 'onTime', 'dueSoon', 'dueToday', 'overdue', 'overdue', 'deemedRefused']);
    expect(requestUrgency({ receivedOn: '2026-06-15', answeredOn: '2026-06-16' }, '2026-07-01')).toBe(
      'answered',
    );
  });
  it('the appeal deadline is three weeks, moved past a weekend or holiday', () => {
    expect(appealDeadline('2026-06-15')).toBe('2026-07-06');
    expect(appealDeadline('2026-06-13')).toBe('2026-07-06'); // Saturday + 21 days = Saturday → Monday
    expect(appealDeadline('2026-04-15')).toBe('2026-05-06');
    expect(appealDeadline('2026-04-26')).toBe('2026-05-18'); // 17 May is a Sunday, Monday 18 May is a working day
  });
});

const access = (over: Partial<PublicAccess> = {}): PublicAccess => ({
  accessStatus: 'partlyExempt',
  legalBases: ['offl13fvl13nr2'],
  serve: null,
  publicTitle: 't',
  exemptionEndsOn: null,
  lifted: false,
  ...over,
});
const decide = (
  input: Partial<Parameters<typeof checkItemDecision>[0]>,
  context: Partial<Parameters<typeof checkItemDecision>[1]> = {},
) =>
  checkItemDecision(
    { decision: 'grant', legalBasis: null, section12: null, merinnsynAssessment: null, ...input },
    { access: access(), hasVariant: false, hasDocument: true, ...context },
  ).map((p) => p.path);

describe('checkItemDecision', () => {
  it('grants a public document plainly', () => {
    expect(decide({}, { access: access({ accessStatus: 'public', legalBases: [] }) })).toEqual([]);
  });
  it('never grants merinnsyn over a duty of confidentiality (§ 13)', () => {
    expect(decide({ merinnsynAssessment: 'Vil gi innsyn' })).toEqual(['decision']);
  });
  it('grants merinnsyn under § 23 only with the assessment written', () => {
    const negotiation = access({ accessStatus: 'partlyExempt', legalBases: ['offl23first'] });
    expect(decide({}, { access: negotiation })).toEqual(['merinnsynAssessment']);
    expect(decide({ merinnsynAssessment: 'Forhandlingene er avsluttet.' }, { access: negotiation })).toEqual(
      [],
    );
  });
  it('partly needs a basis and a variant', () => {
    expect(decide({ decision: 'partly' })).toEqual(['legalBasis']);
    expect(decide({ decision: 'partly', legalBasis: 'offl13fvl13nr2' })).toEqual(['decision']);
    expect(decide({ decision: 'partly', legalBasis: 'offl13fvl13nr2' }, { hasVariant: true })).toEqual([]);
  });
  it('refusing a whole document for exempt information needs § 12; § 23 (3) does not', () => {
    expect(decide({ decision: 'refuse', legalBasis: 'offl13fvl13nr2' })).toEqual(['section12']);
    expect(decide({ decision: 'refuse', legalBasis: 'offl13fvl13nr2', section12: 'c' })).toEqual([]);
    expect(decide({ decision: 'refuse', legalBasis: 'offl23third' })).toEqual(['merinnsynAssessment']);
    expect(
      decide({ decision: 'refuse', legalBasis: 'offl23third', merinnsynAssessment: 'Vurdert.' }),
    ).toEqual([]);
    expect(decide({ decision: 'refuse', legalBasis: 'offl14' })).toEqual(['legalBasis']);
  });
});

describe('composeAnswerText', () => {
  it('names section and paragraph, the appeal right and both three-week deadlines when something is withheld', () => {
    const text = composeAnswerText({
      reference: 'INN-2026-0001',
      receivedOn: '2026-06-15',
      answeredOn: '2026-06-16',
      appealBody: 'Klagenemnda',
      organisation: 'Sykehusinnkjøp HF',
      items: [
        {
          title: 'Notat',
          journalNumber: '2026/1-1',
          decision: 'grant',
          legalBasis: null,
          section12: null,
          merinnsynAssessment: null,
        },
        {
          title: 'Protokoll',
          journalNumber: '2026/1-2',
          decision: 'refuse',
          legalBasis: 'offl13fvl13nr2',
          section12: 'c',
          merinnsynAssessment: null,
        },
      ],
    });
    expect(text).toContain('Hjemmel: Offl. § 13 jf. fvl. § 13 første ledd nr. 2, jf. offl. § 12 bokstav c');
    expect(text).toContain('offentleglova § 32');
    expect(text).toContain('innen 2026-07-07');
    expect(text).toContain('offentleglova § 31 andre ledd');
    expect(text).toContain('Klagenemnda');
  });
  it('has no appeal section when everything is granted', () => {
    const text = composeAnswerText({
      reference: 'R',
      receivedOn: '2026-06-15',
      answeredOn: '2026-06-16',
      appealBody: 'K',
      organisation: 'O',
      items: [
        {
          title: 'Notat',
          journalNumber: null,
          decision: 'grant',
          legalBasis: null,
          section12: null,
          merinnsynAssessment: null,
        },
      ],
    });
    expect(text).not.toContain('Klageadgang');
  });
});

describe('monthlyStatistics', () => {
  it('counts answer times in working days, decisions and appeals per month of receipt', () => {
    const rows = monthlyStatistics([
      {
        receivedOn: '2026-06-15',
        answeredOn: '2026-06-16',
        wasDeemedRefused: false,
        decisions: ['grant', 'partly'],
        appeals: [],
      },
      {
        receivedOn: '2026-06-19',
        answeredOn: '2026-06-29',
        wasDeemedRefused: true,
        decisions: ['refuse'],
        appeals: ['upheld', 'reversed'],
      },
      {
        receivedOn: '2026-07-01',
        answeredOn: null,
        wasDeemedRefused: false,
        decisions: [null],
        appeals: ['pending'],
      },
    ]);
    expect(rows.map((r) => r.month)).toEqual(['2026-06', '2026-07']);
    expect(rows[0]).toMatchObject({
      requests: 2,
      answeredWithin1: 1,
      answeredWithin3: 1,
      answeredWithin5: 1,
      answeredLater: 1,
      deemedRefused: 1,
      granted: 1,
      partly: 1,
      refused: 1,
      appeals: 2,
      appealsUpheld: 1,
      appealsReversed: 1,
    });
    expect(rows[1]).toMatchObject({ requests: 1, unanswered: 1, appealsPending: 1 });
  });
});
