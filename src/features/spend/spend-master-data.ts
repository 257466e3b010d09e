import type { Db } from '../../db/client.js';
import * as repo from './spend.repo.js';

/** The small master-data tables the KPI engine needs from the main database, read at query time. */
export async function loadMasterData(db: Db) {
  const [organisations, categories, agreementCategories, agreementOrganisations, articles, mappings, rates] =
    await Promise.all([
      repo.listOrganisationsForSpend(db),
      repo.listCategoriesForSpend(db),
      repo.listAgreementCategoryRows(db),
      repo.listAgreementOrganisationRows(db),
      repo.listArticleRows(db),
      repo.listClassificationMappings(db),
      repo.listRates(db),
    ]);
  return {
    organisations,
    categories,
    agreementCategories,
    agreementOrganisations,
    articles,
    mappings,
    rates,
  };
}

export type MasterData = Awaited<ReturnType<typeof loadMasterData>>;
