// A procurement's place in the governance model: level, steering group, risk, strategic significance,
// gates with their involvement, and what the viewer can do next. Loads data, applies src/domain rules.
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { electorateFor, isMembershipActive } from '../../domain/consensus.rules.js';
import {
  currentPhase,
  evaluateGates,
  isGateCase,
  statusGateBlocker,
  type GateView,
} from '../../domain/gates.rules.js';
import { gateLabels, gatesFor, type Gate } from '../../domain/involvement.rules.js';
import { participatingRhfIds } from '../../domain/level.rules.js';
import { assessRisk, type Level3, type RiskScores } from '../../domain/risk.rules.js';
import {
  reassessmentPrompt,
  recommendSignificance,
  significanceInForce,
} from '../../domain/significance.rules.js';
import { badRequest, conflict, forbidden } from '../../shared/app-error.js';
import { canEditProcurement, isSecretariat, type CurrentUser } from '../auth/index.js';
import { categoriesRepo } from '../categories/index.js';
import { notify } from '../notifications/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { peopleRepo } from '../people/index.js';
import { getProcurement, type ProcurementDto } from '../procurements/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { loadRules } from './governance-config.service.js';
import { isRaisedToHigh } from '../../domain/rhf-information.rules.js';
import { informRhfContacts } from './habilitet/rhf-information.service.js';
import * as repo from './governance.repo.js';
import type { RiskInput } from './governance.schemas.js';

export interface GovernanceContext {
  procurement: ProcurementDto;
  participatingRhfIds: string[];
  isMedicalMainArea: boolean;
  categoryName: string;
  rules: Awaited<ReturnType<typeof loadRules>>;
  risks: Awaited<ReturnType<typeof repo.listRiskAssessments>>;
  latestRisk: Awaited<ReturnType<typeof repo.listRiskAssessments>>[number] | null;
  significanceHistory: Awaited<ReturnType<typeof repo.listSignificanceDecisions>>;
  initial: Level3 | null;
  final: Level3 | null;
  recommended: { recommended: Level3 | null; reasons: string[] };
  applied: Level3;
  gates: GateView[];
  cases: repo.CaseRow[];
  faggruppe: Array<{ personId: string; name: string }>;
  members: steeringGroupsRepo.MemberRow[];
}

export async function loadGovernanceContext(db: Db, procurementId: string): Promise<GovernanceContext> {
  const procurement = await getProcurement(db, procurementId);
  const [
    organisations,
    categoryRows,
    rules,
    risks,
    significanceHistory,
    passed,
    delegations,
    cases,
    faggruppe,
  ] = await Promise.all([
    organisationsRepo.listOrganisations(db),
    categoriesRepo.findCategoriesByCodes(db, [
      procurement.categoryCode,
      ...(procurement.purchaseGroupCode ? [procurement.purchaseGroupCode] : []),
    ]),
    loadRules(db),
    repo.listRiskAssessments(db, procurementId),
    repo.listSignificanceDecisions(db, procurementId),
    repo.listPassedGates(db, procurementId),
    repo.listDelegations(db, procurementId),
    repo.listCases(db, { procurementId }),
    repo.listFaggruppe(db, procurementId),
  ]);
  const hfs = organisations
    .filter((org) => org.kind === 'HF' && org.rhfId !== null)
    .map((org) => ({ id: org.id, rhfId: org.rhfId! }));
  const category = categoryRows.find((row) => row.code === procurement.categoryCode)!;
  const purchaseGroup = categoryRows.find((row) => row.code === procurement.purchaseGroupCode);
  const latestRisk = risks.at(-1) ?? null;
  const initial = significanceHistory.filter((row) => row.kind === 'initial').at(-1)?.value ?? null;
  const final = significanceHistory.filter((row) => row.kind === 'final').at(-1)?.value ?? null;
  const isMedicalMainArea = purchaseGroup?.isMedicalMainArea ?? category.isMedicalMainArea;
  const categoryName = purchaseGroup?.name ?? category.name;
  const recommended = recommendSignificance(
    {
      riskProfile: latestRisk?.profile ?? null,
      contractValueNok: procurement.contractValueNok,
      isMedicalMainArea,
      categoryName,
    },
    rules.significanceRule.value,
  );
  // One precedence rule (domain); with no value at all the gates take the strictest involvement.
  const applied: Level3 =
    significanceInForce({ final, initial, recommended: recommended.recommended }) ?? 'høy';
  const gates = evaluateGates({
    gates: gatesFor(applied, rules.involvementMatrix.value),
    passed: new Map(
      passed.map((row) => [row.gate, { via: row.via, passedOn: row.passedOn, involvement: row.involvement }]),
    ),
    delegatedGates: new Set(delegations.map((row) => row.gate)),
    cases: cases.map((row) => ({
      id: row.id,
      gate: row.gate,
      kind: row.kind,
      delegatedGate: row.delegatedGate,
      status: row.status,
      resolutionOutcome: row.resolutionOutcome,
    })),
  });
  const members = procurement.steeringGroupId
    ? await steeringGroupsRepo.listMembers(db, procurement.steeringGroupId)
    : [];
  return {
    procurement,
    participatingRhfIds: participatingRhfIds(procurement.participatingHfIds, hfs),
    isMedicalMainArea,
    categoryName,
    rules,
    risks,
    latestRisk,
    significanceHistory,
    initial,
    final,
    recommended,
    applied,
    gates,
    cases,
    faggruppe,
    members,
  };
}

/** Why the procurement cannot take part in the gate workflow, or null when it can. */
export function workflowBlocker(context: GovernanceContext): string | null {
  const { procurement } = context;
  if (procurement.outsideModel) return procurement.outsideModel.message;
  if (procurement.level === null)
    return 'Legg inn deltakende helseforetak først; nivået avgjør om anskaffelsen hører til den nasjonale modellen.';
  if (procurement.routing !== 'resolved')
    return procurement.routingMessage ?? 'Anskaffelsen har ingen styringsgruppe.';
  return null;
}

/**
 * The procurements feature's status guard: inside the model a status may not run ahead of the gates
 * (announced needs the tender approval, awarded/completed the award); outside it there are no gates.
 */
export async function procurementStatusBlocker(tx: Db, procurementId: string, status: string) {
  const context = await loadGovernanceContext(tx, procurementId);
  if (workflowBlocker(context)) return null;
  return statusGateBlocker(status, context.gates);
}

export function electorateOf(context: GovernanceContext, day: string) {
  return electorateFor(
    context.members.map((member) => ({ ...member, membershipId: member.id })),
    {
      participatingRhfIds: context.participatingRhfIds,
      faggruppePersonIds: context.faggruppe.map((f) => f.personId),
      day,
    },
  );
}

function reassessOf(context: GovernanceContext): string | null {
  const final = context.significanceHistory.filter((row) => row.kind === 'final').at(-1);
  return reassessmentPrompt({
    final: final ? { value: final.value, decidedAt: final.decidedAt.toISOString() } : null,
    risks: context.risks.map((risk) => ({
      profile: risk.profile,
      assessedAt: risk.assessedAt.toISOString(),
    })),
  });
}

function nextActions(context: GovernanceContext, user: CurrentUser, today: string): string[] {
  const actions: string[] = [];
  const blocker = workflowBlocker(context);
  if (blocker) return [blocker];
  const canManage = canEditProcurement(user, context.procurement.procurementLeadId);
  if (canManage && !context.latestRisk)
    actions.push('Vurder risikoprofilen (15 risikoparametere) eller legg inn profilen direkte.');
  const reassess = reassessOf(context);
  if (canManage && reassess) actions.push(reassess);
  const gate = context.gates.find((g) => g.status !== 'passed');
  if (gate && canManage) {
    if (gate.canPass) actions.push(`Passer fasen «${gateLabels[gate.gate]}».`);
    else if (gate.status === 'awaitingCase')
      actions.push(
        `Fremme sak for «${gateLabels[gate.gate]}» (${gate.involvement === 'decide' ? 'vedtak' : 'konsultasjon'}).`,
      );
  }
  const myMembership = context.members.find(
    (m) => m.personId === user.personId && isMembershipActive(m, today),
  );
  const mayVoteToday = electorateOf(context, today).eligible.some((m) => m.personId === user.personId);
  for (const row of context.cases.filter((c) => c.status === 'open' && mayVoteToday)) {
    actions.push(`Ta stilling til saken «${row.title}».`);
  }
  if (myMembership?.isLeader) {
    for (const row of context.cases.filter((c) => c.status === 'dissent' || c.status === 'outsideMandate'))
      actions.push(`Eskaler saken «${row.title}» til RHF-ene med et felles notat.`);
  }
  return actions;
}

export async function getGovernanceView(db: Db, procurementId: string, user: CurrentUser, today: string) {
  return buildGovernanceView(await loadGovernanceContext(db, procurementId), user, today);
}

/** The procurement and its governance view from one load (GET /api/procurements/:id). */
export async function getProcurementWithGovernance(
  db: Db,
  procurementId: string,
  user: CurrentUser,
  today: string,
) {
  const context = await loadGovernanceContext(db, procurementId);
  return { ...context.procurement, ...buildGovernanceView(context, user, today) };
}

function buildGovernanceView(context: GovernanceContext, user: CurrentUser, today: string) {
  const { procurement } = context;
  const inModel = procurement.level !== null && procurement.outsideModel === null;
  const riskResult =
    context.latestRisk?.method === 'scored' && context.latestRisk.scores
      ? assessRisk(context.latestRisk.scores as RiskScores, context.rules.riskRule.value)
      : null;
  return {
    level: procurement.level,
    inNationalModel: inModel,
    outsideModelReason: procurement.outsideModel?.message ?? null,
    steeringGroup: procurement.steeringGroupId
      ? { id: procurement.steeringGroupId, name: procurement.steeringGroupName! }
      : null,
    routingError: inModel && procurement.routing !== 'resolved' ? procurement.routingMessage : null,
    participatingRhfIds: context.participatingRhfIds,
    riskProfile: context.latestRisk?.profile ?? null,
    risk: context.latestRisk
      ? {
          method: context.latestRisk.method,
          scores: (context.latestRisk.scores as Record<string, number> | null) ?? null,
          meanScore: context.latestRisk.meanScore === null ? null : Number(context.latestRisk.meanScore),
          reasons: riskResult?.reasons ?? ['Risikoprofilen er lagt inn direkte fra eget verktøy.'],
          note: context.latestRisk.note,
          assessedBy: context.latestRisk.assessedBy,
          assessedAt: context.latestRisk.assessedAt.toISOString(),
        }
      : null,
    significance: {
      recommended: context.recommended.recommended,
      reasons: context.recommended.reasons,
      initial: context.initial,
      initialFromPlanYear:
        context.significanceHistory.filter((row) => row.kind === 'initial').at(-1)?.annualPlanYear ?? null,
      final: context.final,
      appliedForGates: context.applied,
      reassess: reassessOf(context),
      history: context.significanceHistory.map((row) => ({
        kind: row.kind,
        value: row.value,
        caseId: row.caseId,
        annualPlanYear: row.annualPlanYear,
        note: row.note,
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt.toISOString(),
      })),
    },
    gates: inModel ? context.gates : [],
    phase: inModel ? currentPhase(context.gates) : null,
    matrixVersion: context.rules.involvementMatrix.version,
    faggruppe: context.faggruppe,
    cases: context.cases.map((row) => ({
      id: row.id,
      procurementId: row.procurementId,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      gate: row.gate as Gate,
      kind: row.kind,
      title: row.title,
      status: row.status,
      decisionNumber: row.decisionNumber,
      submittedAt: row.submittedAt.toISOString(),
    })),
    viewer: {
      canManage: canEditProcurement(user, procurement.procurementLeadId),
      nextActions: nextActions(context, user, today),
    },
  };
}

function assertCanManage(user: CurrentUser, context: GovernanceContext) {
  if (!canEditProcurement(user, context.procurement.procurementLeadId)) {
    throw forbidden('Bare porteføljesekretariatet og anskaffelsens leder kan gjøre dette.');
  }
}

export async function setRisk(db: Db, user: CurrentUser, procurementId: string, input: RiskInput) {
  const context = await loadGovernanceContext(db, procurementId);
  assertCanManage(user, context);
  await writeAudited(db, user, async (tx, recordAudit) => {
    const values =
      input.scores !== undefined
        ? (() => {
            const scores = input.scores as RiskScores;
            const result = assessRisk(scores, context.rules.riskRule.value);
            return {
              method: 'scored' as const,
              scores: input.scores,
              profile: result.profile,
              meanScore: String(result.mean),
              ruleVersion: context.rules.riskRule.version,
            };
          })()
        : {
            method: 'direct' as const,
            scores: null,
            profile: input.profile!, // the schema requires exactly one of scores and profile
            meanScore: null,
            ruleVersion: null,
          };
    const row = await repo.insertRiskAssessment(tx, {
      procurementId,
      ...values,
      note: input.note,
      assessedBy: user.username,
    });
    await recordAudit({
      action: 'assessRisk',
      entityType: 'procurement',
      entityId: procurementId,
      summary: `Risikoprofil ${row.profile} for ${context.procurement.name}`,
      before: context.latestRisk
        ? { profile: context.latestRisk.profile, scores: context.latestRisk.scores }
        : null,
      after: { profile: row.profile, method: row.method, scores: row.scores },
    });
    if (isRaisedToHigh(context.latestRisk?.profile ?? null, row.profile))
      await informRhfContacts(tx, context.participatingRhfIds, {
        type: 'riskHigh',
        procurementId,
        procurementName: context.procurement.name,
        previousProfile: context.latestRisk?.profile ?? null,
      });
  });
}

/** Sykehusinnkjøp's initial significance (annual plan); the group decides the final one as a case. */
export async function setInitialSignificance(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  input: { value: Level3; note: string | null },
) {
  const context = await loadGovernanceContext(db, procurementId);
  assertCanManage(user, context);
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.insertSignificanceDecision(tx, {
      procurementId,
      kind: 'initial',
      value: input.value,
      note: input.note,
      decidedBy: user.username,
    });
    await recordAudit({
      action: 'setInitialSignificance',
      entityType: 'procurement',
      entityId: procurementId,
      summary: `Initiell strategisk betydning ${input.value} for ${context.procurement.name}`,
      before: { initial: context.initial },
      after: { initial: input.value },
    });
  });
}

export async function setFaggruppe(db: Db, user: CurrentUser, procurementId: string, personIds: string[]) {
  const context = await loadGovernanceContext(db, procurementId);
  assertCanManage(user, context);
  await writeAudited(db, user, async (tx, recordAudit) => {
    for (const personId of personIds) {
      if (!(await peopleRepo.findPerson(tx, personId)))
        throw badRequest('Personen finnes ikke.', [
          { path: 'personIds', message: `Ukjent person ${personId}` },
        ]);
    }
    await repo.replaceFaggruppe(tx, procurementId, [...new Set(personIds)]);
    await recordAudit({
      action: 'setFaggruppe',
      entityType: 'procurement',
      entityId: procurementId,
      summary: `Faggruppe for ${context.procurement.name}`,
      before: context.faggruppe.map((f) => f.personId),
      after: personIds,
    });
  });
}

/**
 * Moves the procurement past its current gate: a decide gate needs an approved decision or a delegation,
 * a consulted gate a recorded consultation; passing an informed gate tells the group.
 */
export async function passGate(
  db: Db,
  user: CurrentUser,
  procurementId: string,
  gate: Gate,
  note: string | null,
  today: string,
) {
  const context = await loadGovernanceContext(db, procurementId);
  assertCanManage(user, context);
  const blocker = workflowBlocker(context);
  if (blocker) throw badRequest(blocker);
  const view = context.gates.find((g) => g.gate === gate)!;
  if (view.status === 'passed') throw conflict(`Fasen «${gateLabels[gate]}» er allerede passert.`);
  if (!view.canPass) throw conflict(`Fasen «${gateLabels[gate]}» kan ikke passeres: ${view.blockingReason}`);
  const approvedCase = context.cases
    .filter(
      (c) =>
        c.gate === gate &&
        isGateCase(c) &&
        (c.status === 'approved' ||
          (c.status === 'resolved' && c.resolutionOutcome === 'approved') ||
          c.status === 'consulted'),
    )
    .at(-1);
  const via =
    view.involvement === 'informed'
      ? 'information'
      : approvedCase
        ? approvedCase.kind === 'consultation'
          ? 'consultation'
          : 'decision'
        : 'delegation';
  await writeAudited(db, user, async (tx, recordAudit) => {
    await repo.insertGatePass(tx, {
      procurementId,
      gate,
      involvement: view.involvement,
      via,
      caseId: approvedCase?.id ?? null,
      passedBy: user.username,
      passedOn: today,
    });
    if (view.involvement === 'informed') {
      const members = electorateOf(context, today);
      await notify(
        tx,
        [
          ...members.eligible,
          ...members.excluded.filter((e) => e.reason !== 'inactive').map((e) => e.member),
        ].map((m) => m.personId),
        {
          kind: 'gateInformed',
          title: `Til orientering: ${context.procurement.name} har passert «${gateLabels[gate]}»`,
          body: note ?? undefined,
          link: `/anskaffelser/${procurementId}`,
        },
      );
    }
    await recordAudit({
      action: 'passGate',
      entityType: 'procurement',
      entityId: procurementId,
      summary: `${context.procurement.name}: passerte «${gateLabels[gate]}» (${via})`,
      before: { phase: gate },
      after: { passed: gate, via, note, by: isSecretariat(user) ? 'sekretariatet' : 'leder anskaffelse' },
    });
  });
  return getGovernanceView(db, procurementId, user, today);
}
