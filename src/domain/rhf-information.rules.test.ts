import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/calendar-date.js';
import {
  composeRhfDigest,
  digestMailLines,
  isoWeek,
  isRaisedToHigh,
  rhfDiscussionMarkBlocker,
  rhfDiscussionVoteBlocker,
  rhfInformationNotice,
  type DigestProcurement,
} from './rhf-information.rules.js';

describe('rhfInformationNotice', () => {
  it('links each event to where the RHF contact reads it, without exempt content', () => {
    expect(
      rhfInformationNotice({
        type: 'finalSignificanceHigh',
        procurementId: 'p',
        procurementName: 'Stenter',
        caseId: 'c',
        decisionNumber: 'KIR-2026-01',
      }),
    ).toEqual({
      title: 'Høy strategisk betydning: Stenter',
      body: 'Styringsgruppen har fastsatt endelig strategisk betydning høy (vedtak KIR-2026-01).',
      link: '/saker/c',
    });
    expect(
      rhfInformationNotice({
        type: 'riskHigh',
        procurementId: 'p',
        procurementName: 'X',
        previousProfile: null,
      }),
    ).toMatchObject({ link: '/anskaffelser/p', body: 'Anskaffelsen har fått risikoprofil høy.' });
    expect(
      rhfInformationNotice({
        type: 'riskHigh',
        procurementId: 'p',
        procurementName: 'X',
        previousProfile: 'lav',
      }).body,
    ).toBe('Risikoprofilen er endret fra lav til høy.');
    expect(
      rhfInformationNotice({
        type: 'caseAtDecideGate',
        caseId: 'c',
        caseTitle: 'Plan',
        procurementName: 'X',
        gate: 'plan',
      }),
    ).toMatchObject({ title: 'Sak til beslutning: Plan', link: '/saker/c' });
    expect(
      rhfInformationNotice({ type: 'dissent', caseId: 'c', caseTitle: 'Plan', procurementName: 'X' }).title,
    ).toBe('Dissens i styringsgruppen: Plan');
    expect(
      rhfInformationNotice({ type: 'rhfDiscussion', caseId: 'c', caseTitle: 'Plan', procurementName: 'X' })
        .title,
    ).toBe('Drøftes med RHF-ene: Plan');
    const toLine = rhfInformationNotice({
      type: 'faggruppeMatterToLine',
      caseId: 'c',
      caseTitle: 'Uenighet om krav',
      procurementName: 'X',
    });
    expect(toLine).toEqual({
      title: 'Uavklart sak fra faggruppen eskalert i linjen: Uenighet om krav',
      body: expect.stringContaining('eskalert den i linjen til Sykehusinnkjøp'),
      link: '/saker/c',
    });
    const toRhfs = rhfInformationNotice({
      type: 'faggruppeMatterToRhfs',
      caseId: 'c',
      caseTitle: 'Uenighet om krav',
      procurementName: 'X',
    });
    expect(toRhfs).toEqual({
      title: 'Eskalert til RHF-ene: Uenighet om krav',
      body: expect.stringContaining('Svar for ditt RHF'),
      link: '/saker/c',
    });
  });
});

describe('isRaisedToHigh', () => {
  it('is news only when the profile turns høy', () => {
    expect(isRaisedToHigh(null, 'høy')).toBe(true);
    expect(isRaisedToHigh('medium', 'høy')).toBe(true);
    expect(isRaisedToHigh('lav', 'høy')).toBe(true);
    expect(isRaisedToHigh('høy', 'høy')).toBe(false);
    expect(isRaisedToHigh(null, 'medium')).toBe(false);
    expect(isRaisedToHigh('høy', 'lav')).toBe(false);
  });
});

describe('isoWeek', () => {
  it('follows ISO 8601 across year ends', () => {
    expect(isoWeek('2026-06-15')).toEqual({ year: 2026, week: 25, label: '2026-W25', monday: '2026-06-15' });
    expect(isoWeek('2026-06-21').label).toBe('2026-W25');
    expect(isoWeek('2026-06-22').label).toBe('2026-W26');
    expect(isoWeek('2026-01-01').label).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toMatchObject({ year: 2026, week: 53, monday: '2026-12-28' });
    expect(isoWeek('2024-12-30')).toMatchObject({ year: 2025, week: 1 });
    expect(isoWeek('2021-01-03')).toMatchObject({ year: 2020, week: 53 });
    expect(isoWeek('2026-12-03').label).toBe('2026-W49');
  });
  it('addDays moves by whole days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('composeRhfDigest', () => {
  const p = (over: Partial<DigestProcurement> & { id: string }): DigestProcurement => ({
    name: over.id,
    status: 'ongoing',
    planned: true,
    riskProfile: null,
    significance: null,
    ...over,
  });
  const base = {
    rhfId: 'hv',
    rhfName: 'Helse Vest RHF',
    today: '2026-06-15',
    cases: [],
    awaiting: [],
    previous: null,
  };

  it('splits planned and ad-hoc, lists the important and high-risk ones, leaves out cancelled', () => {
    const digest = composeRhfDigest({
      ...base,
      procurements: [
        p({ id: 'B', planned: true }),
        p({ id: 'A', planned: true, riskProfile: 'høy' }),
        p({ id: 'C', planned: false, significance: 'høy' }),
        p({ id: 'D', planned: false, status: 'cancelled', riskProfile: 'høy' }),
        p({ id: 'E', planned: false, status: 'completed', significance: 'høy' }),
      ],
    });
    expect(digest.week).toBe('2026-W25');
    expect(digest.since).toBeNull();
    expect(digest.planned.map((x) => x.id)).toEqual(['A', 'B']);
    expect(digest.adHoc.map((x) => x.id)).toEqual(['C', 'E']);
    expect(digest.highRisk.map((x) => x.id)).toEqual(['A', 'C']);
  });

  it('reports risk changes against the profiles the previous digest showed', () => {
    const previous = {
      week: '2026-W24',
      planned: [p({ id: 'A', riskProfile: 'lav' }), p({ id: 'B', riskProfile: 'medium' })],
      adHoc: [p({ id: 'C', planned: false, riskProfile: 'høy' })],
    };
    const digest = composeRhfDigest({
      ...base,
      previous,
      procurements: [
        p({ id: 'A', riskProfile: 'høy' }), // changed
        p({ id: 'B', riskProfile: 'medium' }), // unchanged
        p({ id: 'C', planned: false, riskProfile: 'høy' }), // unchanged
        p({ id: 'D', riskProfile: 'medium' }), // new since the last digest
        p({ id: 'E' }), // not assessed
        p({ id: 'F', status: 'cancelled', riskProfile: 'høy' }), // cancelled
      ],
    });
    expect(digest.since).toBe('2026-W24');
    expect(digest.riskChanges).toEqual([
      { procurementId: 'A', procurementName: 'A', from: 'lav', to: 'høy' },
      { procurementId: 'D', procurementName: 'D', from: null, to: 'medium' },
    ]);
    // The first digest counts every assessed procurement as news.
    expect(
      composeRhfDigest({ ...base, procurements: [p({ id: 'A', riskProfile: 'lav' }), p({ id: 'E' })] })
        .riskChanges,
    ).toEqual([{ procurementId: 'A', procurementName: 'A', from: null, to: 'lav' }]);
  });

  it('keeps only cases still being handled', () => {
    const c = (id: string, status: string) => ({
      id,
      title: id,
      procurementName: 'X',
      status,
      gate: 'plan' as const,
    });
    const digest = composeRhfDigest({
      ...base,
      procurements: [],
      cases: [c('1', 'open'), c('2', 'approved'), c('3', 'escalated'), c('4', 'dissent'), c('5', 'resolved')],
    });
    expect(digest.openCases.map((x) => x.id)).toEqual(['1', '3', '4']);
  });

  it('writes the mail section by section, as seed 001 §7 names them', () => {
    const digest = composeRhfDigest({
      ...base,
      procurements: [p({ id: 'Stenter', riskProfile: 'høy' }), p({ id: 'Hansker', planned: false })],
      cases: [
        { id: '1', title: 'Plan for stenter', procurementName: 'Stenter', status: 'open', gate: 'plan' },
      ],
      awaiting: [{ kind: 'escalation', title: 'Tildeling hansker', link: '/saker/2' }],
    });
    const lines = digestMailLines(digest);
    expect(lines[0]).toBe('Ukesoversikt 2026-W25 for Helse Vest RHF (per 2026-06-15)');
    expect(lines).toContain('Planlagte anskaffelser (1 pågående):');
    expect(lines).toContain('- Stenter: pågående, risiko høy');
    expect(lines).toContain('Ad hoc-anskaffelser (1 pågående):');
    expect(lines).toContain('Endringer i risikovurderingen (første ukesoversikt) (1):');
    expect(lines).toContain('- Stenter: ikke vurdert → høy');
    expect(lines).toContain('Viktige saker og saker med høy risiko (1):');
    expect(lines).toContain('- Plan for stenter (Stenter, Godkjenne plan anskaffelse): til behandling');
    expect(lines).toContain('Venter på svar fra Helse Vest RHF (1):');
    expect(lines).toContain('- Eskalert sak venter på RHF-ets svar: Tildeling hansker');
  });
});

describe('drøftes med RHF-ene', () => {
  const ok = {
    significance: 'høy' as const,
    caseStatus: 'open',
    caseKind: 'decision',
    votesCast: 0,
    alreadyMarked: false,
  };
  it('marks only an open, høy-significance case before anyone votes', () => {
    expect(rhfDiscussionMarkBlocker(ok)).toBeNull();
    expect(rhfDiscussionMarkBlocker({ ...ok, significance: 'medium' })).toContain('høy strategisk betydning');
    expect(rhfDiscussionMarkBlocker({ ...ok, significance: null })).toContain('høy strategisk betydning');
    expect(rhfDiscussionMarkBlocker({ ...ok, votesCast: 1 })).toContain('allerede i gang');
    expect(rhfDiscussionMarkBlocker({ ...ok, caseStatus: 'approved' })).toContain('åpen sak');
    expect(rhfDiscussionMarkBlocker({ ...ok, caseKind: 'consultation' })).toContain('konsultasjon');
    expect(rhfDiscussionMarkBlocker({ ...ok, alreadyMarked: true })).toContain('allerede merket');
  });
  it('holds the vote until every participating RHF has acknowledged, when the rule requires it', () => {
    const rhfs = [
      { id: 'hv', name: 'Helse Vest RHF' },
      { id: 'hn', name: 'Helse Nord RHF' },
    ];
    const input = {
      marked: true,
      acknowledgementRequired: true,
      participatingRhfs: rhfs,
      acknowledgedRhfIds: ['hv'],
    };
    expect(rhfDiscussionVoteBlocker(input)).toBe(
      'Saken drøftes med RHF-ene; avstemningen åpner når Helse Nord RHF har bekreftet.',
    );
    expect(rhfDiscussionVoteBlocker({ ...input, acknowledgedRhfIds: ['hv', 'hn'] })).toBeNull();
    expect(rhfDiscussionVoteBlocker({ ...input, acknowledgementRequired: false })).toBeNull();
    expect(rhfDiscussionVoteBlocker({ ...input, marked: false })).toBeNull();
  });
});
