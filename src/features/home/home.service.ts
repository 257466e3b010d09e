// "Mine oppgaver": what each user has to do next, by the roles they hold. The server decides which sections
import { osloDay } from '../../shared/clock.js';
// a user gets (a member section only with memberships in force, the cockpit only for the secretariat, the RHF
// section only for the RHFs the user speaks for), so nothing is shown that the user may not read.
import type { Db } from '../../db/client.js';
import { isMembershipActive } from '../../domain/consensus.rules.js';
import { declarationStatus } from '../../domain/habilitet.rules.js';
import { gateLabels, involvementLabels, type Gate } from '../../domain/involvement.rules.js';
import { participatingRhfIds } from '../../domain/level.rules.js';
import { hasRole, isSecretariat, organisationsForRole, type CurrentUser } from '../auth/index.js';
import { listMyCases } from '../governance/index.js';
import { governanceRepo } from '../governance/index.js';
import { loadGovernanceContext, loadRules } from '../governance/index.js';
import { organisationsRepo } from '../organisations/index.js';
import { procurementsRepo } from '../procurements/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { getCockpit } from './cockpit.service.js';
import { hfPurchasingHome, readerHome } from './hf-home.service.js';
import * as habilitetRepo from './habilitet-home.repo.js';
import * as repo from './home.repo.js';
import { addDays } from '../../shared/calendar-date.js';

/** Without an earlier visit, "since my last visit" means the last 30 days. */
const firstVisitLookbackDays = 30;

async function memberHome(db: Db, user: CurrentUser, today: string, groupIds: string[]) {
  const previous = await repo.previousVisit(db, user.personId);
  const since = previous ? osloDay(previous) : addDays(today, -firstVisitLookbackDays);
  const [awaitingVote, meetings, actions, decisions, questions, declaredOn, rules] = await Promise.all([
    listMyCases(db, user, today),
    repo.listMeetingsOfGroups(db, groupIds, today, 3),
    repo.listOpenActionsOf(db, user.personId),
    repo.listDecisionsSince(db, groupIds, since),
    habilitetRepo.listPendingQuestionsAbout(db, user.personId),
    habilitetRepo.lastDeclarationOf(db, user.personId),
    loadRules(db),
  ]);
  const unanswered = await habilitetRepo.casesWithoutHabilitetAnswer(
    db,
    user.personId,
    awaitingVote.map((c) => c.id),
  );
  const declaration = declarationStatus(
    declaredOn,
    today,
    rules.habilitetRule.value.declarationRenewalMonths,
  );
  const counts = await repo.countAgendaAndPapers(
    db,
    meetings.map((meeting) => meeting.id),
  );
  return {
    since,
    awaitingVote,
    habilitet: {
      declaration: { status: declaration.status, dueOn: declaration.dueOn, confirmedOn: declaredOn },
      awaitingAnswer: awaitingVote.filter((c) => unanswered.has(c.id)),
      questionsAboutMe: questions.map((q) => ({
        id: q.id,
        caseId: q.caseId,
        caseTitle: q.caseTitle,
        procurementName: q.procurementName,
        steeringGroupName: q.steeringGroupName,
        rhfName: q.rhfName,
        reason: q.reason,
        raisedAt: q.raisedAt.toISOString(),
      })),
    },
    nextMeetings: meetings.map((meeting) => ({
      id: meeting.id,
      title: meeting.title,
      date: osloDay(meeting.startsAt),
      startsAt: meeting.startsAt.toISOString(),
      location: meeting.location,
      steeringGroupId: meeting.steeringGroupId,
      steeringGroupName: meeting.steeringGroupName,
      invited: meeting.invitationSentAt !== null,
      agendaItems: counts.get(meeting.id)?.agendaItems ?? 0,
      papers: counts.get(meeting.id)?.papers ?? 0,
    })),
    myActions: actions.map((action) => ({
      id: action.id,
      title: action.title,
      dueDate: action.dueDate,
      status: action.status,
      overdue: action.dueDate < today,
      steeringGroupId: action.steeringGroupId,
      steeringGroupName: action.steeringGroupName,
    })),
    decisionsSinceLastVisit: decisions.map((row) => ({
      caseId: row.id,
      decisionNumber: row.decisionNumber!,
      title: row.title,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      decidedOn: row.decidedOn!,
    })),
  };
}

async function procurementLeadHome(db: Db, user: CurrentUser, today: string) {
  const led = await repo.listProcurementsLedBy(db, user.personId);
  const plans = await repo.listGatePlans(
    db,
    led.map((row) => row.id),
  );
  const procurements = [];
  for (const { id } of led) {
    const context = await loadGovernanceContext(db, id);
    const next = context.gates.find((gate) => gate.status !== 'passed') ?? null;
    const plannedOn = next
      ? (plans.find((plan) => plan.procurementId === id && plan.gate === next.gate)?.plannedOn ?? null)
      : null;
    procurements.push({
      id,
      name: context.procurement.name,
      status: context.procurement.status,
      inModel: context.procurement.outsideModel === null,
      nextGate: next
        ? {
            gate: next.gate,
            label: gateLabels[next.gate],
            involvement: next.involvement,
            involvementLabel: involvementLabels[next.involvement],
            status: next.status,
            blockingReason: next.blockingReason,
            plannedOn,
            late: plannedOn !== null && plannedOn < today,
          }
        : null,
    });
  }
  const cases = await repo.listCasesSubmittedBy(db, user.personId);
  return {
    procurements,
    myCases: cases.map((row) => ({
      id: row.id,
      title: row.title,
      gate: row.gate as Gate,
      status: row.status,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      submittedAt: row.submittedAt.toISOString(),
    })),
  };
}

async function rhfContactHome(db: Db, rhfId: string, today: string) {
  const [organisations, rows] = await Promise.all([
    organisationsRepo.listOrganisations(db),
    procurementsRepo.listProcurementRows(db),
  ]);
  const hfs = organisations
    .filter((org) => org.kind === 'HF' && org.rhfId !== null)
    .map((org) => ({ id: org.id, rhfId: org.rhfId! }));
  const region = rows.filter((row) => participatingRhfIds(row.participatingHfIds, hfs).includes(rhfId));
  const byStatus: Record<string, number> = {};
  const byRisk = { høy: 0, medium: 0, lav: 0, none: 0 };
  const highRisk = [];
  const highSignificance = [];
  for (const row of region) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    const [risks, significance] = await Promise.all([
      governanceRepo.listRiskAssessments(db, row.id),
      governanceRepo.listSignificanceDecisions(db, row.id),
    ]);
    const item = { id: row.id, name: row.name, status: row.status };
    const risk = risks.at(-1)?.profile ?? 'none';
    byRisk[risk] += 1;
    if (risk === 'høy') highRisk.push(item);
    const final = significance.filter((s) => s.kind === 'final').at(-1)?.value;
    const initial = significance.filter((s) => s.kind === 'initial').at(-1)?.value;
    if ((final ?? initial) === 'høy') highSignificance.push(item);
  }
  const [escalated, planItems, untrained, unchecked] = await Promise.all([
    repo.listEscalationsAwaiting(db, [rhfId]),
    repo.listAnnualPlanItemsAwaitingFeedback(db, rhfId),
    repo.listMembersWithoutTraining(db, rhfId, today),
    habilitetRepo.listMembershipsWithoutCheck(db, rhfId, today),
  ]);
  return {
    rhfId,
    rhfName: organisations.find((org) => org.id === rhfId)?.name ?? rhfId,
    procurementCount: region.length,
    byStatus,
    byRisk,
    highRisk,
    highSignificance,
    awaitingOurAnswer: escalated.map((row) => ({
      id: row.id,
      title: row.title,
      procurementName: row.procurementName,
      steeringGroupName: row.steeringGroupName,
      escalatedAt: row.escalatedAt.toISOString(),
    })),
    annualPlanItemsAwaitingFeedback: planItems,
    membersWithoutTraining: untrained,
    membersWithoutAppointmentCheck: unchecked.map((row) => ({
      ...row,
      outcome: row.outcome === 'notCleared' ? ('notCleared' as const) : null,
      startsLater: row.termStart > today,
    })),
  };
}

export async function getMyHome(db: Db, user: CurrentUser, today: string) {
  const memberRows = await steeringGroupsRepo.listMembers(db);
  const groupIds = [
    ...new Set(
      memberRows
        .filter((row) => row.personId === user.personId && isMembershipActive(row, today))
        .map((row) => row.steeringGroupId),
    ),
  ];
  const rhfIds = organisationsForRole(user, 'rhfContact');
  const rhf = [];
  for (const rhfId of rhfIds) rhf.push(await rhfContactHome(db, rhfId, today));
  const hfs = [];
  for (const hfId of organisationsForRole(user, 'hfPurchasing')) {
    const section = await hfPurchasingHome(db, hfId, today);
    if (section) hfs.push(section);
  }
  return {
    today,
    member:
      groupIds.length > 0 || hasRole(user, 'steeringGroupMember')
        ? await memberHome(db, user, today, groupIds)
        : null,
    procurementLead: hasRole(user, 'procurementLead') ? await procurementLeadHome(db, user, today) : null,
    rhfContact: rhf,
    hfPurchasing: hfs,
    reader: hasRole(user, 'readOnly') ? await readerHome(db, user, today) : null,
    cockpit: isSecretariat(user) ? await getCockpit(db, today) : null,
  };
}
