// The harmonisation KPIs of one master agreement per HF (seed 000: «Det skal etableres KPI-er for
// samordningsprosessene»): share of master articles mapped (SQL count in the main database) and share of the
// supplier spend on mapped master articles (the app's spend engine, over its compact EHF lines); the formulas
// are domain rules.
import type { Db } from '../../db/client.js';
import { canTransferMaintenance, harmonisationKpis } from '../../domain/harmonisation.rules.js';
import { getSupplierArticleSpend, type HfArticleSpend, type SpendStore } from '../spend/index.js';
import * as repo from './master-agreements.repo.js';
import type { HarmonisationDto } from './master-agreements.schemas.js';
import { getMasterAgreement } from './master-agreements.service.js';

/**
 * `store` is the app's spend store (appSpendStore): the spend comes from its engine — lines of the agreement's
 * supplier (scheme 0192) within the agreement's validity, per HF, NOK by the engine's rate rule.
 */
export async function getHarmonisation(db: Db, id: string, store: SpendStore): Promise<HarmonisationDto> {
  const { dto, supplierOrgNumber } = await getMasterAgreement(db, id);
  const [hfs, counts, completions, mappedArticles] = await Promise.all([
    repo.listRegionHfs(db, dto.region.id),
    repo.countMappedPerHf(db, id),
    repo.listCompletions(db, id),
    repo.listMappedArticleKeys(db, id),
  ]);
  let spend: HfArticleSpend[] = [];
  let hasSpend = true;
  try {
    spend = await getSupplierArticleSpend(
      { db, store },
      {
        supplierScheme: '0192',
        supplierId: supplierOrgNumber,
        from: dto.agreement.validFrom,
        to: dto.agreement.validTo,
        hfCodes: hfs.map((hf) => hf.code),
        articles: mappedArticles.map((article) => ({
          hfCode: article.hfCode,
          sellerItemId: article.supplierArticleNumber,
          gtin: article.gtin,
        })),
      },
    );
  } catch {
    hasSpend = false; // the share of articles still stands; the spend share is shown as missing
  }
  const spendOf = (code: string | null) => spend.find((row) => row.hfCode === code);
  const mappedOf = (hfId: string) => counts.find((row) => row.hfId === hfId)?.mapped ?? 0;
  const kpis = harmonisationKpis(
    dto.masterArticles,
    hfs.map((hf) => ({
      hfId: hf.id,
      mappedMasterArticles: Number(mappedOf(hf.id)),
      supplierSpend: Number(spendOf(hf.code)?.supplierSpend ?? 0),
      spendOnMappedMasterArticles: Number(spendOf(hf.code)?.spendOnArticles ?? 0),
    })),
  );
  const done = new Map(completions.map((c) => [c.hfId, c]));
  const total = spendOf(null);
  return {
    masterAgreement: dto,
    perHf: hfs.map((hf, index) => {
      const kpi = kpis.perHf[index]!;
      return {
        ...kpi,
        hfName: hf.name,
        supplierSpend: spendOf(hf.code)?.supplierSpend ?? '0.00',
        spendOnMappedMasterArticles: spendOf(hf.code)?.spendOnArticles ?? '0.00',
        spendShare: hasSpend ? kpi.spendShare : null,
        completedOn: done.get(hf.id)?.completedOn ?? null,
        completedByName: done.get(hf.id)?.completedByName ?? null,
      };
    }),
    total: {
      ...kpis.total,
      supplierSpend: total?.supplierSpend ?? '0.00',
      spendOnMappedMasterArticles: total?.spendOnArticles ?? '0.00',
      spendShare: hasSpend ? kpis.total.spendShare : null,
    },
    handOver: canTransferMaintenance(
      hfs.map((hf) => hf.id),
      new Set(done.keys()),
    ),
    hasSpend,
  };
}
