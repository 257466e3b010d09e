import { describe, expect, it } from 'vitest';
import { outsideModel, type ModelScopeInput } from './model-scope.rules.js';

const base: ModelScopeInput = {
  level: 'nasjonal',
  categoryRunBy: 'SHI',
  categoryName: 'KIR',
  transferToNewModel: true,
};

describe('outsideModel', () => {
  it('keeps a national or multi-regional procurement run by Sykehusinnkjøp in the model', () => {
    expect(outsideModel(base)).toBeNull();
    expect(outsideModel({ ...base, level: 'flerregional' })).toBeNull();
    expect(outsideModel({ ...base, level: null })).toBeNull();
  });

  it('puts the category the RHFs run outside, whatever the level', () => {
    expect(
      outsideModel({ ...base, categoryRunBy: 'RHF', categoryName: 'Eksterne og interne helsetjenester' }),
    ).toEqual({
      reason: 'runByRhf',
      message: expect.stringContaining('Eksterne og interne helsetjenester gjennomføres av de regionale'),
    });
  });

  it('keeps a Vedlegg 04 procurement marked Nei in the old model', () => {
    expect(outsideModel({ ...base, transferToNewModel: false })).toMatchObject({ reason: 'oldModel' });
    expect(outsideModel({ ...base, transferToNewModel: false })!.message).toContain('gamle modellen');
  });

  it('puts lokal and regional procurements outside, saying which', () => {
    expect(outsideModel({ ...base, level: 'lokal' })!.message).toContain('En lokal anskaffelse');
    expect(outsideModel({ ...base, level: 'regional' })).toMatchObject({ reason: 'level' });
  });
});
