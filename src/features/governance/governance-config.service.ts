// Versioned governance configuration: the involvement matrix, the risk rule and the significance rule.
// The defaults of src/domain are version 0; every change by the secretariat is a new version.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { involvementMatrixDefault, type InvolvementMatrix } from '../../domain/involvement.rules.js';
import { riskParameters, riskRuleDefault, type RiskRule } from '../../domain/risk.rules.js';
import { significanceRuleDefault, type SignificanceRule } from '../../domain/significance.rules.js';
import { quorumRuleDefault, type QuorumRule } from '../../domain/quorum.rules.js';
import { DECLARATION_RENEWAL_MONTHS, lastingRuleDefault } from '../../domain/habilitet.rules.js';
import { badRequest } from '../../shared/app-error.js';
import * as repo from './governance.repo.js';
import { configSchemas } from './governance.schemas.js';

type ConfigKey = keyof typeof configSchemas;

const defaults = {
  involvementMatrix: involvementMatrixDefault,
  riskRule: riskRuleDefault,
  significanceRule: significanceRuleDefault,
  quorumRule: quorumRuleDefault,
  habilitetRule: {
    lastingThreshold: lastingRuleDefault.threshold,
    lastingWindowMonths: lastingRuleDefault.windowMonths,
    declarationRenewalMonths: DECLARATION_RENEWAL_MONTHS,
    rhfDiscussionAcknowledgement: true,
    faggruppeEscalationDays: 14,
  },
};

export type HabilitetRule = (typeof defaults)['habilitetRule'];

export interface GovernanceRules {
  involvementMatrix: { version: number; value: InvolvementMatrix };
  riskRule: { version: number; value: RiskRule };
  significanceRule: { version: number; value: SignificanceRule };
  quorumRule: { version: number; value: QuorumRule };
  habilitetRule: { version: number; value: HabilitetRule };
}

type ConfigRow = Awaited<ReturnType<typeof repo.latestConfigs>>[number];

async function current<K extends ConfigKey>(db: Db, key: K) {
  return configOf(key, await repo.latestConfig(db, key));
}

/** Every setting in force, from one read of the newest version per key (a vote reads the rules twice). */
async function currentAll(db: Db) {
  const rows = new Map((await repo.latestConfigs(db)).map((row) => [row.key, row]));
  const of = <K extends ConfigKey>(key: K) => configOf(key, rows.get(key) ?? null);
  return {
    involvementMatrix: of('involvementMatrix'),
    riskRule: of('riskRule'),
    significanceRule: of('significanceRule'),
    quorumRule: of('quorumRule'),
    habilitetRule: of('habilitetRule'),
  };
}

function configOf<K extends ConfigKey>(key: K, row: ConfigRow | null) {
  return row
    ? {
        key,
        version: row.version,
        // A version stored before a setting existed reads that setting's default (habilitetRule grew).
        value: (key === 'habilitetRule'
          ? { ...defaults.habilitetRule, ...(row.value as object) }
          : row.value) as (typeof defaults)[K],
        note: row.note,
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
      }
    : {
        key,
        version: 0,
        value: defaults[key],
        note:
          key === 'quorumRule' || key === 'habilitetRule'
            ? 'Standard (seed 001 §5.2, §7.2)'
            : 'Standard (seed 001 §5.1.3)',
        createdBy: 'system',
        createdAt: null,
      };
}

export async function loadRules(db: Db): Promise<GovernanceRules> {
  return currentAll(db);
}

export async function getConfigView(db: Db) {
  const { involvementMatrix, riskRule, significanceRule, quorumRule, habilitetRule } = await currentAll(db);
  const history = (await repo.listConfigHistory(db)).map((row) => ({
    key: row.key,
    version: row.version,
    value: row.value,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  }));
  return {
    current: { involvementMatrix, riskRule, significanceRule, quorumRule, habilitetRule },
    history,
    riskParameters: riskParameters.map(({ key, label, help }) => ({ key, label, help })),
  };
}

export async function updateConfig(
  db: Db,
  actor: Actor,
  key: ConfigKey,
  input: { value: unknown; note: string | null },
) {
  const parsed = configSchemas[key].safeParse(input.value);
  if (!parsed.success) {
    throw badRequest(
      'Ugyldig konfigurasjon.',
      parsed.error.issues.map((issue) => ({
        path: ['value', ...issue.path].join('.'),
        message: issue.message,
      })),
    );
  }
  return writeAudited(db, actor, async (tx, recordAudit) => {
    const before = await current(tx, key);
    const row = await repo.insertConfig(tx, {
      key,
      version: before.version + 1,
      value: parsed.data,
      note: input.note,
      createdBy: actor.username,
    });
    await recordAudit({
      action: 'update',
      entityType: 'governanceConfig',
      entityId: key,
      summary: `Ny versjon ${row.version} av ${key}`,
      before: before.value,
      after: parsed.data,
    });
    return { key, version: row.version };
  });
}
