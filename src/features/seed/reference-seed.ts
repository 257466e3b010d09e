// Reference data (from reference-data.json, agreed from the seeds, with the entities' public organisation
// numbers): organisations, categories, steering groups and the 17 ongoing procurements of seed 001 Vedlegg 04.
// Idempotent.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  categories,
  organisations,
  procurementParticipants,
  procurements,
  steeringGroupCoverage,
  steeringGroups,
} from '../../db/schema.js';
import { transactionTime } from '../../db/transaction-time.js';
import { writeAudited, systemActor, type Actor } from '../../db/unit-of-work.js';
import { seedRegionalModels } from '../governance-bodies/index.js';
import referenceJson from './reference-data.json' with { type: 'json' };

/** A legal entity with its public organisation number from Enhetsregisteret. */
interface ReferenceEntity {
  name: string;
  orgNumber: string;
}

interface ReferenceData {
  rhfs: Array<{ code: string; name: string; orgNumber: string; hfs: ReferenceEntity[] }>;
  sykehusinnkjop: { name: string; orgNumber: string; divisions: string[] };
  jointlyOwned: ReferenceEntity[];
  otherUsers: ReferenceEntity[];
  categories: Array<{
    code: string;
    name: string;
    medical: boolean;
    runBy?: string;
    purchaseGroups?: Array<{ code: string; name: string }>;
  }>;
  steeringGroups: Array<{
    code: string;
    name: string;
    phase: number;
    covers: { categories?: string[]; purchaseGroups?: string[] };
  }>;
  ongoingProcurements_seed001_vedlegg04: Array<{
    name: string;
    category: string;
    purchaseGroup?: string;
    projectStart: string;
    announcement: string | null;
    transferToNewModel: boolean;
  }>;
}

const referenceData: ReferenceData = referenceJson;

/** Organisation codes: the RHF codes of the reference data, and readable upper-case slugs for the rest. */
export function organisationCode(name: string): string {
  return name
    .replace(/\(.*?\)/g, '')
    .replace(/Æ/gi, 'AE')
    .replace(/Ø/gi, 'O')
    .replace(/Å/gi, 'AA')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toUpperCase();
}

export interface SeedSummary {
  organisations: number;
  /** Existing organisations that got their organisation number from the reference data. */
  organisationNumbers: number;
  categories: number;
  steeringGroups: number;
  procurements: number;
}

export async function seedReferenceData(db: Db, actor: Actor = systemActor('seed')): Promise<SeedSummary> {
  const seeded = await seedOrganisationsAndGroups(db, actor);
  // Helse Nord's own governance model (seed 000), stored as version 1 of its configuration.
  await seedRegionalModels(db, actor);
  return seeded;
}

function seedOrganisationsAndGroups(db: Db, actor: Actor): Promise<SeedSummary> {
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const summary: SeedSummary = {
      organisations: 0,
      organisationNumbers: 0,
      categories: 0,
      steeringGroups: 0,
      procurements: 0,
    };
    const existingOrgs = new Map((await tx.select().from(organisations)).map((row) => [row.code, row]));
    const addOrg = async (values: typeof organisations.$inferInsert) => {
      const existing = existingOrgs.get(values.code);
      if (existing) {
        // A database seeded before the reference data carried organisation numbers gets them now; a number
        // someone entered is left alone.
        if (existing.orgNumber === null && values.orgNumber) {
          await tx
            .update(organisations)
            .set({ orgNumber: values.orgNumber, updatedAt: transactionTime() })
            .where(eq(organisations.id, existing.id));
          existingOrgs.set(values.code, { ...existing, orgNumber: values.orgNumber });
          summary.organisationNumbers += 1;
        }
        return existing.id;
      }
      const [row] = await tx.insert(organisations).values(values).returning();
      existingOrgs.set(values.code, row!);
      summary.organisations += 1;
      return row!.id;
    };
    const hfIds: string[] = [];
    for (const rhf of referenceData.rhfs) {
      const rhfId = await addOrg({ code: rhf.code, name: rhf.name, kind: 'RHF', orgNumber: rhf.orgNumber });
      for (const hf of rhf.hfs)
        hfIds.push(
          await addOrg({
            code: organisationCode(hf.name),
            name: hf.name,
            kind: 'HF',
            rhfId,
            orgNumber: hf.orgNumber,
          }),
        );
    }
    const shi = referenceData.sykehusinnkjop;
    const shiId = await addOrg({ code: 'SHI', name: shi.name, kind: 'SHI', orgNumber: shi.orgNumber });
    for (const division of shi.divisions) {
      await addOrg({
        code: `SHI-${organisationCode(division.replace(/^Divisjon /, ''))}`,
        name: `Sykehusinnkjøp HF, ${division}`,
        kind: 'SHI',
        subtype: 'division',
        parentId: shiId,
      });
    }
    for (const { name, orgNumber } of referenceData.jointlyOwned)
      await addOrg({ code: organisationCode(name), name, kind: 'other', subtype: 'jointlyOwned', orgNumber });
    for (const { name, orgNumber } of referenceData.otherUsers)
      await addOrg({
        code: organisationCode(name),
        name,
        kind: 'other',
        subtype: 'stateEnterprise',
        orgNumber,
      });

    const categoryIds = new Map((await tx.select().from(categories)).map((row) => [row.code, row.id]));
    const addCategory = async (values: typeof categories.$inferInsert) => {
      const existing = categoryIds.get(values.code);
      if (existing) return existing;
      const [row] = await tx.insert(categories).values(values).returning({ id: categories.id });
      categoryIds.set(values.code, row!.id);
      summary.categories += 1;
      return row!.id;
    };
    for (const category of referenceData.categories) {
      const runBy = category.runBy === 'RHF' ? 'RHF' : 'SHI';
      const parentId = await addCategory({
        code: category.code,
        name: category.name,
        kind: 'category',
        isMedicalMainArea: category.medical,
        runBy,
      });
      for (const group of category.purchaseGroups ?? []) {
        await addCategory({
          code: group.code,
          name: group.name,
          kind: 'purchaseGroup',
          parentId,
          isMedicalMainArea: category.medical,
          runBy,
        });
      }
    }

    const groupCodes = new Set(
      (await tx.select({ code: steeringGroups.code }).from(steeringGroups)).map((row) => row.code),
    );
    for (const group of referenceData.steeringGroups) {
      if (groupCodes.has(group.code)) continue;
      const [row] = await tx
        .insert(steeringGroups)
        .values({ code: group.code, name: group.name, phase: group.phase })
        .returning({ id: steeringGroups.id });
      const covered = [...(group.covers.categories ?? []), ...(group.covers.purchaseGroups ?? [])];
      await tx
        .insert(steeringGroupCoverage)
        .values(covered.map((code) => ({ steeringGroupId: row!.id, categoryId: categoryIds.get(code)! })));
      summary.steeringGroups += 1;
    }

    // Seed 001 Vedlegg 04: ongoing procurements, entered as national (every HF of every region takes part).
    const existingNames = new Set(
      (await tx.select({ name: procurements.name }).from(procurements)).map((row) => row.name),
    );
    for (const item of referenceData.ongoingProcurements_seed001_vedlegg04) {
      if (existingNames.has(item.name)) continue;
      const monthOnly = item.announcement !== null && /^\d{4}-\d{2}$/.test(item.announcement);
      const [row] = await tx
        .insert(procurements)
        .values({
          name: item.name,
          categoryId: categoryIds.get(item.category)!,
          purchaseGroupId: item.purchaseGroup ? categoryIds.get(item.purchaseGroup)! : null,
          projectStart: item.projectStart,
          announcementDate:
            item.announcement === null ? null : monthOnly ? `${item.announcement}-01` : item.announcement,
          announcementDatePrecision: monthOnly ? 'month' : 'day',
          transferToNewModel: item.transferToNewModel,
          status: 'ongoing',
          description: 'Pågående anskaffelse ved innføring av styringsmodellen (seed 001, vedlegg 04).',
        })
        .returning({ id: procurements.id });
      await tx
        .insert(procurementParticipants)
        .values(hfIds.map((organisationId) => ({ procurementId: row!.id, organisationId })));
      summary.procurements += 1;
    }

    await recordAudit({
      action: 'seed',
      entityType: 'referenceData',
      entityId: null,
      summary: 'Lastet referansedata',
      after: summary,
    });
    return summary;
  });
}
