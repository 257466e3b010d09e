// The reference data's organisation numbers: every legal entity carries one, each valid (mod-11) and unique.
import { describe, expect, it } from 'vitest';
import { isValidOrgNumber } from '../../domain/org-number.rules.js';
import referenceJson from './reference-data.json' with { type: 'json' };

const entities = [
  ...referenceJson.rhfs.flatMap((rhf) => [{ name: rhf.name, orgNumber: rhf.orgNumber }, ...rhf.hfs]),
  referenceJson.sykehusinnkjop,
  ...referenceJson.jointlyOwned,
  ...referenceJson.otherUsers,
];

describe('reference data organisation numbers', () => {
  it('gives every RHF, HF, Sykehusinnkjøp, jointly owned trust and other user a valid number', () => {
    expect(entities).toHaveLength(4 + 28 + 1 + 4 + 1);
    for (const entity of entities) expect(isValidOrgNumber(entity.orgNumber), entity.name).toBe(true);
  });

  it('uses each number once', () => {
    expect(new Set(entities.map((entity) => entity.orgNumber)).size).toBe(entities.length);
  });

  it('carries the numbers of seed 001 and of Enhetsregisteret for the named trusts', () => {
    const byName = new Map(entities.map((entity) => [entity.name, entity.orgNumber]));
    expect(byName.get('Sykehusinnkjøp HF')).toBe('916879067');
    expect(byName.get('Helse Sør-Øst RHF')).toBe('991324968');
    expect(byName.get('Helse Nord RHF')).toBe('883658752');
    expect(byName.get('Oslo universitetssykehus HF')).toBe('993467049');
  });
});
