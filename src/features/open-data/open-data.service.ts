// The portfolio as OCDS 1.1.5 release packages: loads the facts, maps them with src/domain/ocds.rules.ts and
// checks the result before it leaves the portal. Only public facts: no votes, and of the documents only those
// the public journal serves (public documents and public variants).

import type { Db } from '../../db/client.js';
import { gateLabels } from '../../domain/involvement.rules.js';
import { toRelease, toReleasePackage, type OcdsParty } from '../../domain/ocds.rules.js';
import { AppError } from '../../shared/app-error.js';
import { governanceRepo } from '../governance/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { listProcurements } from '../procurements/index.js';
import { reportingRepo } from '../reporting/index.js';
import { listClassificationMappings } from '../spend/index.js';
import { loadJournalViews, publicJournalEntry } from '../public-access/index.js';
import type { Clock } from '../../shared/clock.js';
import { checkReleasePackage } from './ocds-check.js';

export const OCID_PREFIX = process.env.STYR_OCID_PREFIX ?? 'ocds-styr00';

/** The portfolio as an OCDS release package, published now by the clock (documents as public today). */
export async function exportOcds(db: Db, options: { clock: Clock; baseUrl?: string }) {
  const [all, organisations, plans, mappings, journal] = await Promise.all([
    listProcurements(db, {}),
    organisationsRepo.listOrganisations(db),
    reportingRepo.listGatePlans(db),
    listClassificationMappings(db),
    // Documents through the journal's public projection only: exempt documents never reach the export.
    loadJournalViews(db, options.clock.today()),
  ]);
  const publicDocuments = journal.map(publicJournalEntry).filter((entry) => entry.file !== null);
  const baseUrl = options.baseUrl ?? 'https://styringsportalen.example';
  const shi =
    organisations.find((org) => org.kind === 'SHI' && org.subtype === null) ??
    organisations.find((org) => org.kind === 'SHI');
  const buyer: OcdsParty = {
    id: shi?.orgNumber ? `NO-BRC-${shi.orgNumber}` : (shi?.code ?? 'SHI'),
    name: shi?.name ?? 'Sykehusinnkjøp HF',
    orgNumber: shi?.orgNumber ?? null,
    roles: ['buyer', 'procuringEntity'],
  };
  const releases = [];
  for (const procurement of all.filter((p) => p.status !== 'cancelled' || p.announcementDate)) {
    const passed = await governanceRepo.listPassedGates(db, procurement.id);
    const rhfIds = new Set(
      organisations
        .filter((o) => procurement.participatingHfIds.includes(o.id))
        .map((o) => o.rhfId)
        .filter((id): id is string => id !== null),
    );
    const interestedParties: OcdsParty[] = organisations
      .filter((o) => rhfIds.has(o.id))
      .map((o) => ({
        id: o.orgNumber ? `NO-BRC-${o.orgNumber}` : o.code,
        name: o.name,
        orgNumber: o.orgNumber,
        roles: ['interestedParty'],
      }));
    const categoryIds = [procurement.categoryId, procurement.purchaseGroupId].filter(
      (id): id is string => id !== null,
    );
    const classifications = mappings
      .filter((m) => categoryIds.includes(m.categoryId))
      .map((m) => ({ scheme: m.scheme, code: m.codePrefix }));
    const gates = Object.keys(gateLabels).map((gate) => ({
      gate,
      title: gateLabels[gate as keyof typeof gateLabels],
      plannedOn: plans.find((p) => p.procurementId === procurement.id && p.gate === gate)?.plannedOn ?? null,
      passedOn: passed.find((p) => p.gate === gate)?.passedOn ?? null,
    }));
    releases.push(
      toRelease(
        {
          id: procurement.id,
          name: procurement.name,
          description: procurement.description,
          status: procurement.status,
          contractValueNok: procurement.contractValueNok,
          categoryCode: procurement.categoryCode,
          categoryName: procurement.purchaseGroupName ?? procurement.categoryName,
          projectStart: procurement.projectStart,
          announcementDate: procurement.announcementDate,
          updatedAt: procurement.updatedAt,
          gates: gates.filter((g) => g.plannedOn || g.passedOn),
          classifications,
          buyer,
          interestedParties,
          documents: publicDocuments
            .filter((entry) => entry.procurement?.id === procurement.id)
            .map((entry) => ({
              id: entry.id,
              title: entry.publicTitle,
              url: `${baseUrl}${entry.file!.url}`,
              format: entry.file!.contentType,
              datePublished: entry.journalDate,
            })),
        },
        OCID_PREFIX,
      ),
    );
  }
  // Published now by the clock, and never before the newest release (a release's date is its row's recorded
  // update time, which a clock pinned to an earlier day for a demo or a test can be behind).
  const newest = releases.reduce((latest, release) => (release.date > latest ? release.date : latest), '');
  const now = options.clock
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const publishedDate = newest > now ? newest : now;
  const pkg = toReleasePackage(releases, {
    uri: `${baseUrl}/api/open-data/ocds?published=${publishedDate}`,
    publishedDate,
    publisherName: buyer.name,
  });
  const problems = checkReleasePackage(pkg);
  if (problems.length > 0)
    throw new AppError('internal', `OCDS-eksporten er ugyldig: ${problems.slice(0, 5).join('; ')}`);
  return pkg;
}
