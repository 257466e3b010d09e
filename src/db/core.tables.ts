// The core tables: organisations, people and accounts, categories, steering groups, procurements, the audit
// log, agreements and spend reference data. Feature tables import what they reference from here, never from
// schema.ts, so the schema has no import cycle (an eager reference can no longer hit an uninitialised table).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { requiredRef, writtenAt } from './columns.js';
import { governanceBodyKindIds } from '../domain/governance-bodies.rules.js';
import { procurementStatusIds, roleIds } from '../shared/enums.js';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => writtenAt('created_at');
const updatedAt = () => writtenAt('updated_at');

/** RHF, HF (with its RHF), Sykehusinnkjøp HF and its divisions (kind SHI), jointly owned trusts (kind other). */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['RHF', 'HF', 'SHI', 'other'] }).notNull(),
    subtype: text('subtype', { enum: ['division', 'jointlyOwned', 'stateEnterprise'] }),
    rhfId: uuid('rhf_id').references((): AnyPgColumn => organisations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    orgNumber: text('org_number'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organisations_code_key').on(t.code),
    index('organisations_rhf_idx').on(t.rhfId),
    check('organisations_hf_has_rhf', sql`${t.kind} <> 'HF' or ${t.rhfId} is not null`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    organisationId: requiredRef('organisation_id', () => organisations.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('people_organisation_idx').on(t.organisationId)],
);

export const userAccounts = pgTable(
  'user_accounts',
  {
    id: id(),
    personId: requiredRef('person_id', () => people.id),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_accounts_username_key').on(t.username),
    uniqueIndex('user_accounts_person_key').on(t.personId),
  ],
);

/** A role held by a user, scoped to an organisation (e.g. rhfContact for Helse Vest RHF). */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: requiredRef('user_id', () => userAccounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roleIds }).notNull(),
    organisationId: requiredRef('organisation_id', () => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.organisationId] })],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: requiredRef('user_id', () => userAccounts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    /** A single sign-on session's ID token (the hint for the provider's logout); null after a password login. */
    idToken: text('id_token'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins, per username and per client address, for the login throttle (shared by every app instance). */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `user:<username>` or `ip:<address>`. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/** The national category structure as a tree: categories at the root, purchase groups (innkjøpsgrupper) below. */
export const categories = pgTable(
  'categories',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['category', 'purchaseGroup'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => categories.id),
    isMedicalMainArea: boolean('is_medical_main_area').notNull().default(false),
    runBy: text('run_by', { enum: ['SHI', 'RHF'] })
      .notNull()
      .default('SHI'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('categories_code_key').on(t.code),
    index('categories_parent_idx').on(t.parentId),
    check(
      'categories_kind_parent',
      sql`(${t.kind} = 'category' and ${t.parentId} is null) or (${t.kind} = 'purchaseGroup' and ${t.parentId} is not null)`,
    ),
  ],
);

/**
 * Governance bodies: the national steering groups (kind nationalSteeringGroup, regionId null) and the bodies of
 * a region's own model (seed 000: Direktørmøte, Strategisk innkjøpsforum, …), materialised from the region's
 * versioned configuration (features/governance-bodies). One machinery for members, cases, meetings, escalation.
 */
export const steeringGroups = pgTable(
  'steering_groups',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The national roll-out phase (seed 001 §6); null for a regional body. */
    phase: integer('phase'),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    kind: text('kind', { enum: governanceBodyKindIds }).notNull().default('nationalSteeringGroup'),
    /** The RHF whose regional model the body belongs to; null in the national model. */
    regionId: uuid('region_id').references((): AnyPgColumn => organisations.id),
    secretariatOrganisationId: uuid('secretariat_organisation_id').references(
      (): AnyPgColumn => organisations.id,
    ),
    /** Where disagreement in the body goes (seed 000 §4); null: to the RHFs concerned (the national model). */
    escalationTargetId: uuid('escalation_target_id').references((): AnyPgColumn => steeringGroups.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('steering_groups_code_key').on(t.code),
    index('steering_groups_region_idx').on(t.regionId),
    check(
      'steering_groups_phase',
      sql`${t.phase} in (1, 2) or (${t.phase} is null and ${t.kind} <> 'nationalSteeringGroup')`,
    ),
    check(
      'steering_groups_national_has_no_region',
      sql`(${t.kind} = 'nationalSteeringGroup') = (${t.regionId} is null)`,
    ),
  ],
);

/** What a group covers: one or more categories, or exactly one purchase group (checked in the service). */
export const steeringGroupCoverage = pgTable(
  'steering_group_coverage',
  {
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id, { onDelete: 'cascade' }),
    categoryId: requiredRef('category_id', () => categories.id),
  },
  (t) => [
    primaryKey({ columns: [t.steeringGroupId, t.categoryId] }),
    index('steering_group_coverage_category_idx').on(t.categoryId),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    steeringGroupId: requiredRef('steering_group_id', () => steeringGroups.id, { onDelete: 'cascade' }),
    personId: requiredRef('person_id', () => people.id),
    rhfId: requiredRef('rhf_id', () => organisations.id),
    /** In a regional body: the HF (or the RHF itself) the member represents; rhfId stays the region. */
    representsOrganisationId: uuid('represents_organisation_id').references(() => organisations.id),
    isLeader: boolean('is_leader').notNull().default(false),
    isObserver: boolean('is_observer').notNull().default(false),
    competenceAreas: text('competence_areas')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }),
    /** Set when the membership is ended; the row stays as history. */
    endedOn: date('ended_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('memberships_group_idx').on(t.steeringGroupId),
    index('memberships_person_idx').on(t.personId),
    check('memberships_term_order', sql`${t.termEnd} is null or ${t.termEnd} >= ${t.termStart}`),
  ],
);

export const procurements = pgTable(
  'procurements',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    categoryId: requiredRef('category_id', () => categories.id),
    purchaseGroupId: uuid('purchase_group_id').references(() => categories.id),
    contractValueNok: numeric('contract_value_nok', { precision: 18, scale: 2 }),
    projectStart: date('project_start', { mode: 'string' }),
    announcementDate: date('announcement_date', { mode: 'string' }),
    announcementDatePrecision: text('announcement_date_precision', { enum: ['day', 'month'] })
      .notNull()
      .default('day'),
    transferToNewModel: boolean('transfer_to_new_model').notNull().default(true),
    status: text('status', { enum: procurementStatusIds }).notNull().default('planned'),
    procurementLeadId: uuid('procurement_lead_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('procurements_category_idx').on(t.categoryId),
    index('procurements_purchase_group_idx').on(t.purchaseGroupId),
    index('procurements_status_idx').on(t.status),
    index('procurements_name_idx').on(t.name, t.id),
    check('procurements_value_nonnegative', sql`${t.contractValueNok} is null or ${t.contractValueNok} >= 0`),
  ],
);

export const procurementParticipants = pgTable(
  'procurement_participants',
  {
    procurementId: requiredRef('procurement_id', () => procurements.id, { onDelete: 'cascade' }),
    organisationId: requiredRef('organisation_id', () => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.procurementId, t.organisationId] }),
    index('procurement_participants_org_idx').on(t.organisationId),
  ],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: writtenAt('at'),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Tamper evidence: the previous row's hash, and SHA-256 over it and this row (set by a trigger). */
    previousHash: text('previous_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorUsername),
    index('audit_log_action_idx').on(t.action),
  ],
);

// ---------------------------------------------------------------------------------------------------------
// Spend analytics (issue 6): the agreement register and the small master data the spend KPIs read.
/**
 * Versions of the master data the spend engine depends on, counted up by triggers (migration
 * master_data_versions): `categorisation` (categories, organisations, mappings, rates, articles, agreement
 * numbers/suppliers/categories) and `coverage` (agreement validity, scope, status, organisations). The engine
 * compares these two numbers on every request instead of hashing the master tables.
 */
export const masterDataVersions = pgTable('master_data_versions', {
  area: text('area', { enum: ['categorisation', 'coverage'] }).primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

// The invoice lines themselves live in Parquet under STYR_DATA_DIR/spend/, not here.
// ---------------------------------------------------------------------------------------------------------

/** Avtaleregister: one framework agreement with one supplier. */
export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    agreementNumber: text('agreement_number').notNull(),
    name: text('name').notNull(),
    supplierName: text('supplier_name').notNull(),
    /** Norwegian organisation number, nine digits with a valid mod-11 check digit (checked in the schema). */
    supplierOrgNumber: text('supplier_org_number').notNull(),
    scope: text('scope', { enum: ['national', 'regional', 'local'] }).notNull(),
    /** The RHF of a regional agreement. */
    rhfId: uuid('rhf_id').references(() => organisations.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    extensionOptions: text('extension_options'),
    status: text('status', { enum: ['draft', 'active', 'expired', 'terminated'] })
      .notNull()
      .default('active'),
    procurementId: uuid('procurement_id').references(() => procurements.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agreements_number_key').on(t.agreementNumber),
    index('agreements_supplier_idx').on(t.supplierOrgNumber),
    check('agreements_valid_order', sql`${t.validTo} >= ${t.validFrom}`),
    check('agreements_regional_has_rhf', sql`${t.scope} <> 'regional' or ${t.rhfId} is not null`),
  ],
);

export const agreementCategories = pgTable(
  'agreement_categories',
  {
    agreementId: requiredRef('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
    categoryId: requiredRef('category_id', () => categories.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.categoryId] })],
);

/** The HFs of a local agreement. */
export const agreementOrganisations = pgTable(
  'agreement_organisations',
  {
    agreementId: requiredRef('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
    organisationId: requiredRef('organisation_id', () => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.organisationId] })],
);

export const agreementArticles = pgTable(
  'agreement_articles',
  {
    id: id(),
    agreementId: requiredRef('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
    supplierArticleNumber: text('supplier_article_number'),
    gtin: text('gtin'),
    description: text('description').notNull(),
    unit: text('unit'),
    price: numeric('price', { precision: 18, scale: 4 }),
    productionCountry: text('production_country'),
    criticality: text('criticality', { enum: ['high', 'medium', 'low'] }),
  },
  (t) => [
    index('agreement_articles_agreement_idx').on(t.agreementId),
    index('agreement_articles_supplier_article_idx').on(t.supplierArticleNumber),
    index('agreement_articles_gtin_idx').on(t.gtin),
  ],
);

/** Editable mapping from item classification codes (UNSPSC listID TST, CPV listID STI) to national categories. */
export const classificationMappings = pgTable(
  'classification_mappings',
  {
    scheme: text('scheme', { enum: ['UNSPSC', 'CPV'] }).notNull(),
    /** A code prefix: the longest matching prefix wins (UNSPSC segment/family/class/commodity). */
    codePrefix: text('code_prefix').notNull(),
    categoryId: requiredRef('category_id', () => categories.id),
  },
  (t) => [primaryKey({ columns: [t.scheme, t.codePrefix] })],
);

/** Exchange rates to NOK (e.g. Norges Bank's daily rates): NOK per one unit of the currency. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    currency: text('currency').notNull(),
    rateDate: date('rate_date', { mode: 'string' }).notNull(),
    nokPerUnit: numeric('nok_per_unit', { precision: 18, scale: 8 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.rateDate] })],
);
