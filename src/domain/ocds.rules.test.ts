import { describe, expect, it } from 'vitest';
import { checkReleasePackage, ocdsCodelists } from '../features/open-data/ocds-check.js';
import { padClassification, toRelease, toReleasePackage, type OcdsProcurementFact } from './ocds.rules.js';

const fact: OcdsProcurementFact = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Hjerteventiler',
  description: 'Nasjonal anskaffelse',
  status: 'awarded',
  contractValueNok: '250000000.00',
  categoryCode: 'KIR',
  categoryName: 'Kirurgiske produkter',
  projectStart: '2022-12-01',
  announcementDate: '2023-09-15',
  updatedAt: '2024-02-01T10:00:00.000Z',
  gates: [
    { gate: 'plan', title: 'Godkjenne plan', plannedOn: '2023-02-01', passedOn: '2023-02-03' },
    {
      gate: 'award',
      title: 'Godkjenne tildeling',
      plannedOn: '2024-01-15',
      passedOn: '2024-01-20',
    },
  ],
  classifications: [{ scheme: 'CPV', code: '33184' }],
  buyer: {
    id: 'NO-BRC-916879067',
    name: 'Sykehusinnkjøp HF',
    orgNumber: '916879067',
    roles: ['buyer', 'procuringEntity'],
  },
  interestedParties: [{ id: 'HV', name: 'Helse Vest RHF', orgNumber: null, roles: ['interestedParty'] }],
};

const pack = (releases = [toRelease(fact, 'ocds-test01')]) =>
  toReleasePackage(releases, {
    uri: 'https://example.org/p',
    publishedDate: '2024-06-01T00:00:00Z',
    publisherName: 'Sykehusinnkjøp HF',
  });

describe('OCDS mapping', () => {
  it('maps a procurement with its gates as approval milestones and its award', () => {
    const release = toRelease(fact, 'ocds-test01');
    expect(release.ocid).toBe(`ocds-test01-${fact.id}`);
    expect(release.tag).toEqual(['award']);
    expect(release.tender.milestones.map((m) => [m.type, m.status])).toEqual([
      ['approval', 'met'],
      ['approval', 'met'],
    ]);
    expect(release.tender.milestones[1]).toMatchObject({
      dueDate: '2024-01-15T00:00:00Z',
      dateMet: '2024-01-20T00:00:00Z',
    });
    expect(release.awards?.[0]).toMatchObject({
      status: 'active',
      value: { amount: 250000000, currency: 'NOK' },
    });
    expect(release.tender.items?.[0]?.classification).toEqual({
      scheme: 'CPV',
      id: '33184000',
      description: 'Kirurgiske produkter',
    });
    expect(release.tender.status).toBe('complete');
  });
  it('a planned procurement is a planning release without awards', () => {
    const release = toRelease(
      { ...fact, status: 'planned', announcementDate: null, gates: [] },
      'ocds-test01',
    );
    expect(release.tag).toEqual(['planning']);
    expect(release.awards).toBeUndefined();
    expect(release.tender.status).toBe('planned');
  });
  it('pads classification prefixes to eight digits', () => {
    expect(padClassification('42')).toBe('42000000');
    expect(padClassification('33184100-4')).toBe('33184100');
  });
});

describe('OCDS 1.1.5 checks', () => {
  it('passes the mapped package', () => {
    expect(checkReleasePackage(pack())).toEqual([]);
  });
  it('reports missing required fields', () => {
    const broken = JSON.parse(JSON.stringify(pack())) as Record<string, unknown> & {
      releases: Array<Record<string, unknown>>;
    };
    delete broken.publishedDate;
    delete broken.releases[0]!.initiationType;
    delete broken.releases[0]!.ocid;
    const problems = checkReleasePackage(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'package.publishedDate: påkrevd',
        'releases[0].initiationType: påkrevd',
        'releases[0].ocid: påkrevd',
      ]),
    );
  });
  it('reports values outside the closed code lists', () => {
    const broken = JSON.parse(JSON.stringify(pack())) as {
      releases: Array<{
        tag: string[];
        tender: { status: string; milestones: Array<{ type: string }> };
        parties: Array<{ roles: string[] }>;
      }>;
    };
    broken.releases[0]!.tag = ['awarded'];
    broken.releases[0]!.tender.status = 'ongoing';
    broken.releases[0]!.tender.milestones[0]!.type = 'gate';
    broken.releases[0]!.parties[0]!.roles = ['owner'];
    expect(checkReleasePackage(broken)).toHaveLength(4);
  });
  it('refuses a buyer that is not among the parties and a duplicate release id', () => {
    const release = toRelease(fact, 'ocds-test01');
    const broken = pack([release, { ...release, buyer: { id: 'nobody', name: 'x' } }]);
    const problems = checkReleasePackage(broken);
    expect(problems.some((p) => p.includes('ikke unik'))).toBe(true);
    expect(problems.some((p) => p.includes('buyer.id: viser ikke til en part'))).toBe(true);
  });
  it('knows the milestone types of the standard', () => {
    expect(ocdsCodelists.milestoneType).toContain('approval');
  });
});
