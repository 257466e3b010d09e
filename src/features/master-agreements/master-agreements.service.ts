// REFIL's master agreements: create one (with its master article list), record the RHF's signature, the
// HFs' «done», and the hand-over of maintenance to REFIL; list them. Every write one audited transaction.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { badRequest, conflict, forbidden, notFound } from '../../shared/app-error.js';
import { canTransferMaintenance } from '../../domain/harmonisation.rules.js';
import { canActForHf, canCoordinateRegion } from '../../domain/regional-access.rules.js';
import type { CurrentUser } from '../auth/index.js';
import * as repo from './master-agreements.repo.js';
import type { CreateMasterAgreement, MasterAgreementDto } from './master-agreements.schemas.js';

const refilOnly = 'Bare REFIL (regionens kontaktperson) eller porteføljesekretariatet kan gjøre dette.';

function toDto(entry: Awaited<ReturnType<typeof repo.listMasterAgreementRows>>[number]): MasterAgreementDto {
  const { row, agreement, regionName, masterArticles } = entry;
  const { supplierOrgNumber: _org, ...agreementDto } = agreement;
  return {
    id: row.id,
    agreement: agreementDto,
    region: { id: row.regionId, name: regionName },
    createdOn: row.createdOn,
    createdByName: row.createdByName,
    decisionReference: row.decisionReference,
    isSignedByRhf: row.isSignedByRhf,
    signedOn: row.signedOn,
    signedByName: row.signedByName,
    maintenanceOwner: row.maintenanceOwner,
    maintenanceTransferredOn: row.maintenanceTransferredOn,
    maintenanceTransferredByName: row.maintenanceTransferredByName,
    masterArticles: Number(masterArticles),
  };
}

export async function listMasterAgreements(db: Db) {
  return (await repo.listMasterAgreementRows(db)).map(toDto);
}

export async function getMasterAgreement(db: Db, id: string) {
  const [entry] = await repo.listMasterAgreementRows(db, id);
  if (!entry) throw notFound('Masteravtalen finnes ikke.');
  return { dto: toDto(entry), supplierOrgNumber: entry.agreement.supplierOrgNumber };
}

export async function listMasterArticles(db: Db, id: string) {
  await getMasterAgreement(db, id);
  return repo.listMasterArticles(db, id);
}

export async function createMasterAgreement(
  db: Db,
  user: CurrentUser,
  input: CreateMasterAgreement,
  today: string,
) {
  const region = await repo.findOrganisation(db, input.regionId);
  if (!region || region.kind !== 'RHF')
    throw badRequest('Velg en region (RHF).', [{ path: 'regionId', message: 'Ukjent RHF' }]);
  if (!canCoordinateRegion(user, region.id)) throw forbidden(refilOnly);
  const agreement = await repo.findAgreement(db, input.agreementId);
  if (!agreement)
    throw badRequest('Avtalen finnes ikke.', [{ path: 'agreementId', message: 'Ukjent avtale' }]);
  const articles =
    input.articles ??
    (await repo.listAgreementArticles(db, agreement.id)).map((article, index) => ({
      masterArticleNumber: `${agreement.agreementNumber}-${String(index + 1).padStart(4, '0')}`,
      supplierArticleNumber: article.supplierArticleNumber,
      gtin: article.gtin,
      description: article.description,
      unit: article.unit,
    }));
  if (articles.length === 0)
    throw badRequest('Masteravtalen trenger en artikkelliste: avtalen har ingen artikler, send listen med.');
  const seen = new Set<string>();
  const duplicates = articles.filter((a) => seen.size === seen.add(a.masterArticleNumber).size);
  if (duplicates.length > 0)
    throw badRequest(
      'Masterartikkelnumrene må være unike.',
      duplicates
        .slice(0, 50)
        .map((a) => ({ path: 'articles', message: `«${a.masterArticleNumber}» står flere ganger` })),
    );
  return writeAudited(db, user, async (tx, recordAudit) => {
    if (await repo.findByAgreementAndRegion(tx, agreement.id, region.id))
      throw conflict(`Avtale ${agreement.agreementNumber} har allerede en masteravtale i ${region.name}.`);
    const row = await repo.insertMasterAgreement(tx, {
      agreementId: agreement.id,
      regionId: region.id,
      createdOn: today,
      createdByName: user.personName,
      decisionReference: input.decisionReference ?? null,
    });
    await repo.insertMasterArticles(
      tx,
      articles.map((article) => ({ masterAgreementId: row.id, ...article })),
    );
    await recordAudit({
      action: 'create',
      entityType: 'masterAgreement',
      entityId: row.id,
      summary: `Masteravtale for ${agreement.agreementNumber} ${agreement.name} (${articles.length} artikler)`,
      after: { ...row, articles: articles.length },
    });
    return row;
  });
}

/** «Alle felles kontrakter … signeres av Helse Nord RHF på vegne av alle helseforetakene» (seed 000 §6). */
export async function recordRhfSignature(db: Db, user: CurrentUser, id: string, signedOn: string) {
  return writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findMasterAgreement(tx, id);
    if (!before) throw notFound('Masteravtalen finnes ikke.');
    if (!canCoordinateRegion(user, before.regionId)) throw forbidden(refilOnly);
    const after = await repo.updateMasterAgreement(tx, id, {
      isSignedByRhf: true,
      signedOn,
      signedByName: user.personName,
    });
    await recordAudit({
      action: 'sign',
      entityType: 'masterAgreement',
      entityId: id,
      summary: 'Signert av RHF på vegne av helseforetakene',
      before,
      after,
    });
  });
}

/** An HF reports that it has adapted its article numbers to the master agreement. */
export async function recordHfCompletion(db: Db, user: CurrentUser, id: string, hfId: string, today: string) {
  return writeAudited(db, user, async (tx, recordAudit) => {
    const agreement = await repo.findMasterAgreement(tx, id);
    if (!agreement) throw notFound('Masteravtalen finnes ikke.');
    const hfs = await repo.listRegionHfs(tx, agreement.regionId);
    const hf = hfs.find((candidate) => candidate.id === hfId);
    if (!hf)
      throw badRequest('Helseforetaket hører ikke til regionen.', [{ path: 'hfId', message: 'Ukjent HF' }]);
    if (!canActForHf(user, agreement.regionId, hfId))
      throw forbidden('Bare HF-ets innkjøpsleder, REFIL eller sekretariatet kan melde tilpasningen ferdig.');
    if (agreement.maintenanceOwner === 'refil') throw conflict('REFIL har allerede overtatt vedlikeholdet.');
    const after = { masterAgreementId: id, hfId, completedOn: today, completedByName: user.personName };
    await repo.upsertCompletion(tx, after);
    await recordAudit({
      action: 'complete',
      entityType: 'masterAgreement',
      entityId: id,
      summary: `${hf.name} har tatt i bruk masterartikkelnumrene`,
      after,
    });
  });
}

/** When every HF of the region is done, REFIL takes over maintenance of the agreement for all of them. */
export async function transferMaintenanceToRefil(db: Db, user: CurrentUser, id: string, today: string) {
  return writeAudited(db, user, async (tx, recordAudit) => {
    const before = await repo.findMasterAgreement(tx, id);
    if (!before) throw notFound('Masteravtalen finnes ikke.');
    if (!canCoordinateRegion(user, before.regionId)) throw forbidden(refilOnly);
    if (before.maintenanceOwner === 'refil') throw conflict('REFIL har allerede overtatt vedlikeholdet.');
    const hfs = await repo.listRegionHfs(tx, before.regionId);
    const done = new Set((await repo.listCompletions(tx, id)).map((c) => c.hfId));
    const { isReady, waitingFor } = canTransferMaintenance(
      hfs.map((hf) => hf.id),
      done,
    );
    if (!isReady)
      throw conflict(
        'Vedlikeholdet kan først overføres til REFIL når alle helseforetakene har tatt i bruk masteravtalen.',
        waitingFor.map((hfId) => ({
          message: `Venter på ${hfs.find((hf) => hf.id === hfId)?.name ?? hfId}`,
        })),
      );
    const after = await repo.updateMasterAgreement(tx, id, {
      maintenanceOwner: 'refil',
      maintenanceTransferredOn: today,
      maintenanceTransferredByName: user.personName,
    });
    await recordAudit({
      action: 'transfer',
      entityType: 'masterAgreement',
      entityId: id,
      summary: 'Vedlikeholdet er overført til REFIL',
      before,
      after,
    });
  });
}
