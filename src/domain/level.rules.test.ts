import { describe, expect, it } from 'vitest';
import { canTakePart, deriveLevel, isInNationalModel, participatingRhfIds } from './level.rules.js';

const hfs = [
  { id: 'unn', rhfId: 'HN' },
  { id: 'nlsh', rhfId: 'HN' },
  { id: 'stolav', rhfId: 'HMN' },
  { id: 'bergen', rhfId: 'HV' },
  { id: 'ous', rhfId: 'HSO' },
  { id: 'ahus', rhfId: 'HSO' },
];
const rhfs = ['HN', 'HMN', 'HV', 'HSO'];

describe('deriveLevel', () => {
  it('is lokal for some HFs of one region', () => {
    expect(deriveLevel(['ous'], hfs, rhfs)).toBe('lokal');
  });
  it('is regional for all HFs of one region', () => {
    expect(deriveLevel(['ous', 'ahus'], hfs, rhfs)).toBe('regional');
    expect(deriveLevel(['unn', 'nlsh'], hfs, rhfs)).toBe('regional');
  });
  it('is flerregional for HFs of two or three regions', () => {
    expect(deriveLevel(['ous', 'bergen'], hfs, rhfs)).toBe('flerregional');
    expect(deriveLevel(['unn', 'nlsh', 'stolav', 'bergen'], hfs, rhfs)).toBe('flerregional');
  });
  it('is nasjonal with at least one HF from each region', () => {
    expect(deriveLevel(['unn', 'stolav', 'bergen', 'ous'], hfs, rhfs)).toBe('nasjonal');
    expect(
      deriveLevel(
        hfs.map((hf) => hf.id),
        hfs,
        rhfs,
      ),
    ).toBe('nasjonal');
  });
  it('is unknown without participants, and ignores ids that are not HFs', () => {
    expect(deriveLevel([], hfs, rhfs)).toBeNull();
    expect(deriveLevel(['shi'], hfs, rhfs)).toBeNull();
  });
  it('puts only flerregional and nasjonal in the national model', () => {
    expect(
      [null, 'lokal', 'regional', 'flerregional', 'nasjonal'].map((l) => isInNationalModel(l as never)),
    ).toEqual([false, false, false, true, true]);
  });
  it('lists the participating regions', () => {
    expect(participatingRhfIds(['ous', 'ahus', 'bergen'], hfs)).toEqual(['HSO', 'HV']);
  });
});

describe('canTakePart', () => {
  it('lets HFs and jointly owned trusts take part, not RHFs, Sykehusinnkjøp or other users', () => {
    expect(canTakePart({ kind: 'HF', subtype: null })).toBe(true);
    expect(canTakePart({ kind: 'other', subtype: 'jointlyOwned' })).toBe(true);
    expect(canTakePart({ kind: 'other', subtype: 'stateEnterprise' })).toBe(false);
    expect(canTakePart({ kind: 'RHF', subtype: null })).toBe(false);
    expect(canTakePart({ kind: 'SHI', subtype: 'division' })).toBe(false);
  });

  it('does not let a jointly owned trust change the level: nasjonal still needs one HF from each RHF', () => {
    const hfs = [
      { id: 'hn1', rhfId: 'HN' },
      { id: 'hmn1', rhfId: 'HMN' },
      { id: 'hv1', rhfId: 'HV' },
    ];
    expect(deriveLevel(['hn1', 'hmn1', 'hv1', 'luftambulansen'], hfs, ['HN', 'HMN', 'HV', 'HSO'])).toBe(
      'flerregional',
    );
    expect(deriveLevel(['luftambulansen'], hfs, ['HN', 'HMN', 'HV', 'HSO'])).toBeNull();
  });
});
