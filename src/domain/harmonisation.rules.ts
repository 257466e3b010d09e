// Harmonisation of article numbers under a master agreement (seed 000, «Samordningstiltak»): REFIL creates a
// master agreement, each HF changes its article numbers to the master ones, and when every HF is done REFIL
// takes over maintenance. Pure: the KPI formulas and the hand-over condition.

/** A share as a fraction 0–1 with four decimals, or null when there is nothing to divide by. */
export function shareOf(part: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((part / total) * 10_000) / 10_000;
}

export interface HfHarmonisationInput {
  hfId: string;
  /** Distinct master articles the HF has mapped at least one local article number to. */
  mappedMasterArticles: number;
  /** NOK of the HF's EHF lines from the agreement's supplier within the agreement's validity. */
  supplierSpend: number;
  /** The part of it on articles of the master list that the HF has mapped (seller's item id or GTIN). */
  spendOnMappedMasterArticles: number;
}

export interface HfHarmonisationKpi {
  hfId: string;
  mappedMasterArticles: number;
  masterArticles: number;
  /** Share of the master articles mapped. */
  articleShare: number | null;
  supplierSpend: number;
  spendOnMappedMasterArticles: number;
  /** Share of the supplier spend on (mapped) master article numbers; null without spend. */
  spendShare: number | null;
}

export function harmonisationKpis(
  masterArticles: number,
  hfs: readonly HfHarmonisationInput[],
): { perHf: HfHarmonisationKpi[]; total: Omit<HfHarmonisationKpi, 'hfId'> } {
  const perHf = hfs.map((hf) => ({
    ...hf,
    masterArticles,
    articleShare: shareOf(hf.mappedMasterArticles, masterArticles),
    spendShare: shareOf(hf.spendOnMappedMasterArticles, hf.supplierSpend),
  }));
  const sum = (pick: (hf: HfHarmonisationInput) => number) => hfs.reduce((acc, hf) => acc + pick(hf), 0);
  const mapped = sum((hf) => hf.mappedMasterArticles);
  const spend = sum((hf) => hf.supplierSpend);
  const onMaster = sum((hf) => hf.spendOnMappedMasterArticles);
  return {
    perHf,
    // The agreement's figure: articles over all HFs' slots (each HF must adopt every master article), spend pooled.
    total: {
      mappedMasterArticles: mapped,
      masterArticles: masterArticles * hfs.length,
      articleShare: shareOf(mapped, masterArticles * hfs.length),
      supplierSpend: spend,
      spendOnMappedMasterArticles: onMaster,
      spendShare: shareOf(onMaster, spend),
    },
  };
}

/** REFIL takes over maintenance once every HF of the region has reported its adaptation done. */
export function canTransferMaintenance(
  hfIds: readonly string[],
  completedHfIds: ReadonlySet<string>,
): { isReady: boolean; waitingFor: string[] } {
  const waitingFor = hfIds.filter((id) => !completedHfIds.has(id));
  return { isReady: hfIds.length > 0 && waitingFor.length === 0, waitingFor };
}
