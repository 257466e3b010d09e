// Master agreements (seed 000, «Samordningstiltak»): REFIL's master article list for an agreement, each HF's
// mapping of its local article numbers to the master ones, each HF's «done», and the hand-over to REFIL.
import { boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from '../../db/columns.js';
import { agreements, organisations } from '../../db/core.tables.js';

export const maintenanceOwnerIds = ['hfs', 'refil'] as const;

export const masterAgreements = pgTable(
  'master_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: requiredRef('agreement_id', () => agreements.id),
    /** The region (an RHF) whose HFs adopt the master article numbers. */
    regionId: requiredRef('region_id', () => organisations.id),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    createdByName: text('created_by_name').notNull(),
    decisionReference: text('decision_reference'),
    /** «Alle felles kontrakter … signeres av Helse Nord RHF på vegne av alle helseforetakene» (seed 000 §6). */
    isSignedByRhf: boolean('is_signed_by_rhf').notNull().default(false),
    signedOn: date('signed_on', { mode: 'string' }),
    signedByName: text('signed_by_name'),
    maintenanceOwner: text('maintenance_owner', { enum: maintenanceOwnerIds }).notNull().default('hfs'),
    maintenanceTransferredOn: date('maintenance_transferred_on', { mode: 'string' }),
    maintenanceTransferredByName: text('maintenance_transferred_by_name'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('master_agreements_agreement_region_key').on(t.agreementId, t.regionId)],
);

export const masterArticles = pgTable(
  'master_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    masterAgreementId: requiredRef('master_agreement_id', () => masterAgreements.id, { onDelete: 'cascade' }),
    masterArticleNumber: text('master_article_number').notNull(),
    /** How the article shows on the supplier's EHF lines (SellersItemIdentification, StandardItemIdentification). */
    supplierArticleNumber: text('supplier_article_number'),
    gtin: text('gtin'),
    description: text('description').notNull(),
    unit: text('unit'),
  },
  (t) => [uniqueIndex('master_articles_number_key').on(t.masterAgreementId, t.masterArticleNumber)],
);

export const masterArticleMappings = pgTable(
  'master_article_mappings',
  {
    masterAgreementId: requiredRef('master_agreement_id', () => masterAgreements.id, { onDelete: 'cascade' }),
    hfId: requiredRef('hf_id', () => organisations.id),
    localArticleNumber: text('local_article_number').notNull(),
    masterArticleId: requiredRef('master_article_id', () => masterArticles.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.masterAgreementId, t.hfId, t.localArticleNumber] }),
    index('master_article_mappings_article_idx').on(t.masterArticleId),
  ],
);

/** An HF's report that it has adapted to the master agreement (its article numbers changed). */
export const masterAgreementCompletions = pgTable(
  'master_agreement_completions',
  {
    masterAgreementId: requiredRef('master_agreement_id', () => masterAgreements.id, { onDelete: 'cascade' }),
    hfId: requiredRef('hf_id', () => organisations.id),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    completedByName: text('completed_by_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.masterAgreementId, t.hfId] })],
);
