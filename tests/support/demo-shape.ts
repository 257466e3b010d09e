// The shape of the living demo on a day: what each role home and the cockpit show, every date as days from
// that day — so two portfolios seeded on different days (or by `styr seed --demo` and by the first start)
// can be compared as a whole.
import type { Db } from '../../src/db/client.js';
import { getCockpit } from '../../src/features/home/cockpit.service.js';
import { listQuestionsToDecide } from '../../src/features/governance/habilitet/habilitet-questions.service.js';
import { getMyHome } from '../../src/features/home/home.service.js';
import { buildPortfolioReport } from '../../src/features/reporting/reporting.service.js';
import { daysBetween } from '../../src/shared/calendar-date.js';
import { demoUser } from './users.js';

export async function demoShape(db: Db, today: string) {
  const fromToday = (day: string) => daysBetween(today, day);
  const homes: Record<string, unknown> = {};
  for (const username of ['medlem', 'leder', 'kontakt', 'innkjop', 'lesetilgang']) {
    const home = await getMyHome(db, await demoUser(db, username), today);
    homes[username] = {
      awaitingVote: home.member?.awaitingVote.map((c) => [c.title, c.status]),
      meetings: home.member?.nextMeetings.map((m) => [fromToday(m.date), m.agendaItems, m.papers]),
      actions: home.member?.myActions.map((a) => [a.title, fromToday(a.dueDate), a.overdue]),
      decisions: home.member?.decisionsSinceLastVisit.map((d) => [d.title, fromToday(d.decidedOn)]),
      habilitet: home.member && {
        declaration: [
          home.member.habilitet.declaration.status,
          home.member.habilitet.declaration.dueOn && fromToday(home.member.habilitet.declaration.dueOn),
        ],
        awaitingAnswer: home.member.habilitet.awaitingAnswer.map((c) => c.title),
        questions: home.member.habilitet.questionsAboutMe.map((q) => q.caseTitle),
      },
      led: home.procurementLead?.procurements
        .map((p) => [
          p.name,
          p.nextGate?.gate,
          p.nextGate?.late,
          p.nextGate?.plannedOn && fromToday(p.nextGate.plannedOn),
        ])
        .sort(),
      cases: home.procurementLead?.myCases.map((c) => [c.title, c.status]).sort(),
      rhf: home.rhfContact.map((r) => ({
        count: r.procurementCount,
        byStatus: r.byStatus,
        highRisk: r.highRisk.map((p) => p.name).sort(),
        highSignificance: r.highSignificance.map((p) => p.name).sort(),
        awaiting: r.awaitingOurAnswer.map((c) => c.title),
        planItems: r.annualPlanItemsAwaitingFeedback.length,
        untrained: r.membersWithoutTraining.length,
        unchecked: r.membersWithoutAppointmentCheck.map((m) => [m.personName, fromToday(m.termStart)]),
      })),
      hf: home.hfPurchasing.map((h) => ({
        ending: h.agreementsEnding.map((a) => [a.agreementNumber, a.daysLeft, a.replacementPlanned]),
        plans: h.implementationPlans.map((p) => [p.agreementNumber, fromToday(p.dueDate), p.done, p.late]),
        planItems: h.annualPlanItems.map((i) => i.procurementName),
      })),
      reader: home.reader?.recentDecisions.map((d) => [d.title, fromToday(d.decidedOn)]),
    };
  }
  const questions = await listQuestionsToDecide(db, await demoUser(db, 'kontakt'));
  homes.habilitet = questions.map((q) => [
    q.caseTitle,
    q.personName,
    q.status,
    daysBetween(today, q.raisedAt.slice(0, 10)),
  ]);
  const cockpit = await getCockpit(db, today);
  const report = await buildPortfolioReport(db, { scope: 'all' }, today);
  return {
    homes,
    gains: report.rows
      .filter((row) => row.gainEstimateNok !== null)
      .map((row) => [row.name, row.gainEstimateNok])
      .sort(),
    schedule: report.rows.map((row) => [row.name, row.phaseId, row.daysLate]).sort(),
    cockpit: {
      gatesDue: cockpit.gatesDue.map((g) => [g.procurementName, g.gate, fromToday(g.plannedOn)]).sort(),
      cases: cockpit.casesWaitingForVotes.map((c) => [c.title, fromToday(c.submittedOn), c.votes]),
      invitations: cockpit.meetingsNeedingInvitation.map((m) => [
        fromToday(m.date),
        fromToday(m.invitationDue),
      ]),
      withoutMinutes: cockpit.meetingsNeedingMinutes.map((m) => fromToday(m.date)),
      draftMinutes: cockpit.minutesAwaitingApproval.map((m) => [fromToday(m.date), m.version]),
      actions: cockpit.overdueActions.map((a) => [a.title, fromToday(a.dueDate)]).sort(),
      composition: cockpit.compositionErrors.map((c) => c.steeringGroupName).sort(),
      requests: cockpit.accessRequestsNearDeadline.map((r) => [fromToday(r.receivedOn), fromToday(r.dueOn)]),
    },
  };
}
