import { describe, expect, it } from 'vitest';
import { canTransferMaintenance, harmonisationKpis, shareOf } from './harmonisation.rules.js';

describe('harmonisation KPIs', () => {
  it('share of master articles mapped and share of supplier spend on mapped master articles, per HF and pooled', () => {
    const { perHf, total } = harmonisationKpis(4, [
      { hfId: 'unn', mappedMasterArticles: 3, supplierSpend: 1000, spendOnMappedMasterArticles: 750 },
      { hfId: 'spn', mappedMasterArticles: 1, supplierSpend: 0, spendOnMappedMasterArticles: 0 },
    ]);
    expect(perHf[0]).toMatchObject({ articleShare: 0.75, spendShare: 0.75, masterArticles: 4 });
    expect(perHf[1]).toMatchObject({ articleShare: 0.25, spendShare: null });
    expect(total).toMatchObject({
      mappedMasterArticles: 4,
      masterArticles: 8,
      articleShare: 0.5,
      spendShare: 0.75,
    });
  });

  it('rounds to four decimals and has no share of nothing', () => {
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(1, 0)).toBeNull();
  });

  it('maintenance passes to REFIL only when every HF is done', () => {
    expect(canTransferMaintenance(['a', 'b'], new Set(['a']))).toEqual({ isReady: false, waitingFor: ['b'] });
    expect(canTransferMaintenance(['a', 'b'], new Set(['a', 'b']))).toEqual({
      isReady: true,
      waitingFor: [],
    });
    expect(canTransferMaintenance([], new Set()).isReady).toBe(false);
  });
});
