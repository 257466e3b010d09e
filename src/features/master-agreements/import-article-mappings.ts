// An HF's mapping of its local article numbers to the master ones, imported all or none: every row is checked
// (both numbers present, the master number on the master list, a local number only once) while the file
// streams in; any problem refuses the whole file with the line numbers; otherwise the HF's mappings for this
// master agreement are replaced in one audited transaction.
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  type ErrorDetail,
} from '../../shared/app-error.js';
import { canActForHf, type Grants } from '../../domain/regional-access.rules.js';
import { MAPPING_FILE_ERROR, readMappingRows } from './article-mapping-file.js';
import * as repo from './master-agreements.repo.js';
import type { MappingImportSummary } from './master-agreements.schemas.js';

/** Enough to fix a file by; the count of the rest is told. */
const MAX_REPORTED_PROBLEMS = 200;

/** A logged-in user, or the CLI operator acting with the secretariat's grant (see cli/commands/master-agreements.ts). */
export async function importArticleMappings(
  db: Db,
  user: Actor & Grants,
  masterAgreementId: string,
  hfId: string,
  file: { stream: Readable; format: 'csv' | 'xlsx' },
  options: { dryRun: boolean },
): Promise<MappingImportSummary> {
  const agreement = await repo.findMasterAgreement(db, masterAgreementId);
  if (!agreement) throw notFound('Masteravtalen finnes ikke.');
  const hf = (await repo.listRegionHfs(db, agreement.regionId)).find((candidate) => candidate.id === hfId);
  if (!hf) throw badRequest('Helseforetaket hører ikke til regionen til masteravtalen.');
  if (!canActForHf(user, agreement.regionId, hfId))
    throw forbidden('Du kan bare importere artikkelmapping for ditt eget helseforetak.');
  if (agreement.maintenanceOwner === 'refil')
    throw conflict('REFIL har overtatt vedlikeholdet av avtalen; mappingen er låst.');

  const masterIds = await repo.masterArticleIds(db, masterAgreementId);
  const firstLineOf = new Map<string, number>();
  const pairs: Array<{ localArticleNumber: string; masterArticleId: string }> = [];
  const problems: ErrorDetail[] = [];
  let problemCount = 0;
  const problem = (row: number, message: string) => {
    problemCount += 1;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push({ row, message });
  };
  let rows = 0;
  for await (const row of readMappingRows(file.stream, file.format)) {
    rows += 1;
    if (!row.localArticleNumber) problem(row.line, 'Lokalt artikkelnummer mangler.');
    if (!row.masterArticleNumber) problem(row.line, 'Masterartikkelnummer mangler.');
    if (!row.localArticleNumber || !row.masterArticleNumber) continue;
    const masterArticleId = masterIds.get(row.masterArticleNumber);
    if (!masterArticleId) {
      problem(row.line, `Masterartikkelnummer «${row.masterArticleNumber}» finnes ikke i masteravtalen.`);
      continue;
    }
    const earlier = firstLineOf.get(row.localArticleNumber);
    if (earlier !== undefined) {
      problem(row.line, `Lokalt artikkelnummer «${row.localArticleNumber}» står også på linje ${earlier}.`);
      continue;
    }
    firstLineOf.set(row.localArticleNumber, row.line);
    pairs.push({ localArticleNumber: row.localArticleNumber, masterArticleId });
  }
  if (rows === 0) problem(2, 'Filen har ingen rader under overskriften.');
  if (problemCount > 0) {
    if (problemCount > problems.length)
      problems.push({ message: `… og ${problemCount - problems.length} feil til.` });
    throw new AppError('badRequest', MAPPING_FILE_ERROR, problems);
  }
  const mappedMasterArticles = new Set(pairs.map((pair) => pair.masterArticleId)).size;
  const summary = { dryRun: options.dryRun, rows, mappedMasterArticles, masterArticles: masterIds.size };
  if (options.dryRun) return { ...summary, replaced: 0 };
  return writeAudited(db, user, async (tx, recordAudit) => {
    const replaced = await repo.replaceMappings(tx, masterAgreementId, hfId, pairs);
    await recordAudit({
      action: 'import',
      entityType: 'masterArticleMapping',
      entityId: masterAgreementId,
      summary: `${hf.name}: ${rows} artikkelnumre mappet til ${mappedMasterArticles} av ${masterIds.size} masterartikler`,
      after: { hfId, rows, mappedMasterArticles, replaced },
    });
    return { ...summary, replaced };
  });
}
