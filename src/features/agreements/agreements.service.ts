import type { Db } from '../../db/client.js';
import { writeAudited, type Actor, type RecordAudit } from '../../db/unit-of-work.js';
import { badRequest, conflict, notFound, type ErrorDetail } from '../../shared/app-error.js';
import { categoriesRepo } from '../categories/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { findExpiringWithoutReplacement } from './agreements.rules.js';
import * as repo from './agreements.repo.js';
import type {
  AgreementImportSummary,
  AgreementPageQuery,
  ArticleInput,
  CreateAgreement,
  ListAgreementsQuery,
  UpdateAgreement,
} from './agreements.schemas.js';

const toDto = ({ categoryIds: _ids, ...row }: repo.AgreementRow) => row;

export async function listAgreements(db: Db, query: ListAgreementsQuery = {}) {
  const text = query.q?.toLocaleLowerCase('nb');
  return (await repo.listAgreementRows(db))
    .filter(
      (row) =>
        (!query.categoryCode || row.categoryCodes.includes(query.categoryCode)) &&
        (!query.status || row.status === query.status) &&
        (!query.supplierOrgNumber || row.supplierOrgNumber === query.supplierOrgNumber) &&
        (!text ||
          `${row.agreementNumber} ${row.name} ${row.supplierName}`.toLocaleLowerCase('nb').includes(text)),
    )
    .map(toDto);
}

/** One page of the register, filtered and paged in SQL, with the number matching the filter. */
export async function listAgreementPage(db: Db, query: AgreementPageQuery) {
  const { limit, offset, ...filter } = query;
  const page = await repo.listAgreementPage(db, filter, { limit, offset });
  return { items: page.rows.map(toDto), total: page.total, limit, offset };
}

export async function getAgreement(db: Db, id: string) {
  const [row] = await repo.listAgreementRows(db, [id]);
  if (!row) throw notFound('Avtalen finnes ikke.');
  return { ...toDto(row), articles: await repo.listArticles(db, id) };
}

/** Agreements ending within 12 months that no planned procurement replaces. */
export async function listExpiringAgreements(db: Db, today: string) {
  const [rows, procurements] = await Promise.all([
    repo.listAgreementRows(db),
    repo.listProcurementsForExpiry(db),
  ]);
  return findExpiringWithoutReplacement(rows, procurements, today).map(({ categoryIds: _c, ...row }) => row);
}

interface AgreementFields {
  agreementNumber: string;
  scope: 'national' | 'regional' | 'local';
  rhfId: string | null;
  hfIds: string[];
  categoryCodes: string[];
  validFrom: string;
  validTo: string;
  procurementId: string | null;
}

type OrganisationLookup = Map<string, { kind: string }>;
type CategoryLookup = Map<string, { id: string }>;

/** Every problem with the references and the scope of one agreement, so the user sees them all at once. */
function checkAgreement(
  input: AgreementFields,
  orgs: OrganisationLookup,
  cats: CategoryLookup,
  procurementIds: Set<string>,
  row?: number,
): ErrorDetail[] {
  const at = (path: string, message: string): ErrorDetail =>
    row === undefined ? { path, message } : { row, message };
  const errors: ErrorDetail[] = [];
  if (input.validTo < input.validFrom) errors.push(at('validTo', 'Gyldig til kan ikke være før gyldig fra'));
  for (const code of input.categoryCodes)
    if (!cats.has(code)) errors.push(at('categoryCodes', `Ukjent kategorikode ${code}`));
  if (input.scope === 'regional') {
    if (!input.rhfId || orgs.get(input.rhfId)?.kind !== 'RHF')
      errors.push(at('rhfId', 'En regional avtale må ha sitt RHF'));
  } else if (input.rhfId) {
    errors.push(at('rhfId', 'Bare en regional avtale har et RHF'));
  }
  if (input.scope === 'local') {
    if (input.hfIds.length === 0) errors.push(at('hfIds', 'En lokal avtale må ha minst ett HF'));
    for (const hfId of input.hfIds)
      if (orgs.get(hfId)?.kind !== 'HF') errors.push(at('hfIds', `${hfId} er ikke et helseforetak (HF)`));
  } else if (input.hfIds.length > 0) {
    errors.push(at('hfIds', 'Bare en lokal avtale har egne HF'));
  }
  if (input.procurementId && !procurementIds.has(input.procurementId))
    errors.push(at('procurementId', 'Anskaffelsen finnes ikke'));
  return errors;
}

async function loadLookups(db: Db) {
  const [orgRows, catRows, procurementRows] = await Promise.all([
    organisationsRepo.listOrganisations(db),
    categoriesRepo.listCategories(db),
    repo.listProcurementsForExpiry(db),
  ]);
  return {
    orgs: new Map(orgRows.map((org) => [org.id, org])) as OrganisationLookup,
    cats: new Map(catRows.map((cat) => [cat.code, cat])) as CategoryLookup,
    procurementIds: new Set(procurementRows.map((p) => p.id)),
  };
}

const fail = (errors: ErrorDetail[]) => {
  if (errors.length > 0) throw badRequest(errors.map((error) => error.message).join('; ') + '.', errors);
};

async function writeAgreement(
  tx: Db,
  recordAudit: RecordAudit,
  existingId: string | null,
  input: CreateAgreement,
  cats: CategoryLookup,
  summary?: string,
) {
  const { categoryCodes, hfIds, articles, ...fields } = input;
  const before = existingId ? (await repo.listAgreementRows(tx, [existingId]))[0] : undefined;
  const id = existingId ?? (await repo.insertAgreement(tx, fields));
  if (existingId) await repo.updateAgreement(tx, existingId, fields);
  await repo.replaceCategories(
    tx,
    id,
    [...new Set(categoryCodes)].map((code) => cats.get(code)!.id),
  );
  await repo.replaceOrganisations(tx, id, [...new Set(hfIds)]);
  await repo.replaceArticles(tx, id, articles);
  const [after] = await repo.listAgreementRows(tx, id ? [id] : []);
  await recordAudit({
    action: existingId ? 'update' : 'create',
    entityType: 'agreement',
    entityId: id,
    summary:
      summary ?? `${existingId ? 'Endret' : 'Opprettet'} avtalen ${input.agreementNumber} ${input.name}`,
    before: before ? toDto(before) : undefined,
    after: { ...toDto(after!), articles: articles.length },
  });
  return id;
}

export async function createAgreement(db: Db, actor: Actor, input: CreateAgreement) {
  const id = await writeAudited(db, actor, async (tx, recordAudit) => {
    const { orgs, cats, procurementIds } = await loadLookups(tx);
    fail(checkAgreement(input, orgs, cats, procurementIds));
    if ((await repo.findAgreementIdsByNumbers(tx, [input.agreementNumber])).size > 0)
      throw conflict(`Avtalenummeret ${input.agreementNumber} er i bruk.`);
    return writeAgreement(tx, recordAudit, null, input, cats);
  });
  return getAgreement(db, id);
}

export async function updateAgreement(db: Db, actor: Actor, id: string, input: UpdateAgreement) {
  await writeAudited(db, actor, async (tx, recordAudit) => {
    const [before] = await repo.listAgreementRows(tx, [id]);
    if (!before) throw notFound('Avtalen finnes ikke.');
    const articles: ArticleInput[] =
      input.articles ?? (await repo.listArticles(tx, id)).map(({ id: _id, ...article }) => article);
    const merged: CreateAgreement = {
      agreementNumber: input.agreementNumber ?? before.agreementNumber,
      name: input.name ?? before.name,
      supplierName: input.supplierName ?? before.supplierName,
      supplierOrgNumber: input.supplierOrgNumber ?? before.supplierOrgNumber,
      scope: input.scope ?? before.scope,
      rhfId: input.rhfId !== undefined ? input.rhfId : before.rhfId,
      hfIds: input.hfIds ?? before.hfIds,
      categoryCodes: input.categoryCodes ?? before.categoryCodes,
      validFrom: input.validFrom ?? before.validFrom,
      validTo: input.validTo ?? before.validTo,
      extensionOptions:
        input.extensionOptions !== undefined ? input.extensionOptions : before.extensionOptions,
      status: input.status ?? before.status,
      procurementId: input.procurementId !== undefined ? input.procurementId : before.procurementId,
      articles,
    };
    const { orgs, cats, procurementIds } = await loadLookups(tx);
    fail(checkAgreement(merged, orgs, cats, procurementIds));
    const clash = await repo.findAgreementIdsByNumbers(tx, [merged.agreementNumber]);
    if ((clash.get(merged.agreementNumber) ?? id) !== id)
      throw conflict(`Avtalenummeret ${merged.agreementNumber} er i bruk.`);
    await writeAgreement(tx, recordAudit, id, merged, cats);
  });
  return getAgreement(db, id);
}

/** One parsed row of an import file: the agreement as the API would take it, plus its line number. */
export interface ImportedAgreement {
  row: number;
  agreement: CreateAgreement;
  /** Articles were given for this agreement in the file (replace them); otherwise keep what is stored. */
  hasArticles: boolean;
}

/**
 * Loads agreements (with their articles) in one transaction: new numbers are created, known ones updated.
 * Any bad row refuses the whole file with row-numbered errors; nothing is stored.
 */
export async function importAgreements(
  db: Db,
  actor: Actor,
  rows: ImportedAgreement[],
  options: { dryRun: boolean },
): Promise<AgreementImportSummary> {
  const { orgs, cats, procurementIds } = await loadLookups(db);
  const errors = rows.flatMap(({ row, agreement }) =>
    checkAgreement(agreement, orgs, cats, procurementIds, row),
  );
  const seen = new Map<string, number>();
  for (const { row, agreement } of rows) {
    const first = seen.get(agreement.agreementNumber);
    if (first !== undefined)
      errors.push({ row, message: `Avtalenummeret ${agreement.agreementNumber} står også på rad ${first}` });
    else seen.set(agreement.agreementNumber, row);
  }
  if (errors.length > 0)
    throw badRequest(
      'Avtalefilen har feil; ingenting er importert.',
      errors.sort((a, b) => a.row! - b.row!),
    );
  const existing = await repo.findAgreementIdsByNumbers(
    db,
    rows.map((row) => row.agreement.agreementNumber),
  );
  const summary: AgreementImportSummary = {
    dryRun: options.dryRun,
    agreements: rows.length,
    created: rows.filter((row) => !existing.has(row.agreement.agreementNumber)).length,
    updated: rows.filter((row) => existing.has(row.agreement.agreementNumber)).length,
    articles: rows.reduce((sum, row) => sum + row.agreement.articles.length, 0),
  };
  if (options.dryRun) return summary;
  await writeAudited(db, actor, async (tx, recordAudit) => {
    for (const { agreement, hasArticles } of rows) {
      const existingId = existing.get(agreement.agreementNumber) ?? null;
      const articles =
        hasArticles || !existingId
          ? agreement.articles
          : (await repo.listArticles(tx, existingId)).map(({ id: _id, ...a }) => a);
      await writeAgreement(
        tx,
        recordAudit,
        existingId,
        { ...agreement, articles },
        cats,
        `Import: ${existingId ? 'endret' : 'opprettet'} avtalen ${agreement.agreementNumber}`,
      );
    }
    await recordAudit({
      action: 'import',
      entityType: 'agreement',
      entityId: null,
      summary: `Importerte ${summary.agreements} avtaler (${summary.created} nye, ${summary.updated} endret, ${summary.articles} artikler)`,
      after: summary,
    });
  });
  return summary;
}
