import { z } from 'zod';
import { procurementStatusIds } from '../../shared/enums.js';
import { uuid } from '../../shared/schemas.js';
import { caseGateSchema, caseStatusSchema, caseSummarySchema, gateSchema } from '../governance/governance.schemas.js';

const day = z.string();
const procurementStatus = z.enum(procurementStatusIds);
const meetingRef = z.object({
  id: uuid,
  title: z.string(),
  date: day,
  steeringGroupId: uuid,
  steeringGroupName: z.string(),
});

const memberHomeSchema = z.object({
  /** The day (YYYY-MM-DD) of the previous visit, or 30 days back. */
  since: z.string(),
  awaitingVote: z.array(caseSummarySchema),
  nextMeetings: z.array(
    meetingRef.extend({
      startsAt: z.string(),
      location: z.string().nullable(),
      invited: z.boolean(),
      agendaItems: z.number().int(),
      papers: z.number().int(),
    }),
  ),
  myActions: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      dueDate: day,
      status: z.enum(['open', 'inProgress', 'done']),
      overdue: z.boolean(),
      steeringGroupId: uuid,
      steeringGroupName: z.string(),
    }),
  ),
  decisionsSinceLastVisit: z.array(
    z.object({
      caseId: uuid,
      decisionNumber: z.string(),
      title: z.string(),
      procurementName: z.string(),
      steeringGroupName: z.string(),
      decidedOn: z.string(),
    }),
  ),
});

const procurementLeadHomeSchema = z.object({
  procurements: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      status: procurementStatus,
      inModel: z.boolean(),
      nextGate: z
        .object({
          gate: gateSchema,
          label: z.string(),
          involvement: z.enum(['decide', 'consulted', 'informed']),
          involvementLabel: z.string(),
          status: z.string(),
          blockingReason: z.string().nullable(),
          plannedOn: day.nullable(),
          late: z.boolean(),
        })
        .nullable(),
    }),
  ),
  myCases: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      gate: caseGateSchema,
      status: caseStatusSchema,
      procurementName: z.string(),
      steeringGroupName: z.string(),
      submittedAt: z.string(),
    }),
  ),
});

const procurementRef = z.object({ id: uuid, name: z.string(), status: procurementStatus });

const rhfContactHomeSchema = z.object({
  rhfId: uuid,
  rhfName: z.string(),
  procurementCount: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  highRisk: z.array(procurementRef),
  highSignificance: z.array(procurementRef),
  awaitingOurAnswer: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      procurementName: z.string(),
      steeringGroupName: z.string(),
      escalatedAt: z.string(),
    }),
  ),
  annualPlanItemsAwaitingFeedback: z.array(
    z.object({
      planId: uuid,
      year: z.number().int(),
      itemId: uuid,
      procurementId: uuid,
      procurementName: z.string(),
    }),
  ),
  membersWithoutTraining: z.array(
    z.object({
      personId: uuid,
      personName: z.string(),
      steeringGroupId: uuid,
      steeringGroupName: z.string(),
    }),
  ),
});

export const cockpitSchema = z.object({
  weekStart: day,
  horizonEnd: day,
  casesWaitingDays: z.number().int(),
  gatesDue: z.array(
    z.object({
      procurementId: uuid,
      procurementName: z.string(),
      gate: gateSchema,
      gateLabel: z.string(),
      plannedOn: day,
      overdue: z.boolean(),
    }),
  ),
  casesWaitingForVotes: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      procurementName: z.string(),
      steeringGroupName: z.string(),
      submittedOn: day,
      votes: z.number().int(),
    }),
  ),
  meetingsNeedingInvitation: z.array(meetingRef.extend({ invitationDue: day })),
  meetingsNeedingMinutes: z.array(meetingRef),
  minutesAwaitingApproval: z.array(meetingRef.extend({ version: z.number().int() })),
  overdueActions: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      dueDate: day,
      ownerName: z.string(),
      steeringGroupId: uuid,
      steeringGroupName: z.string(),
    }),
  ),
  compositionErrors: z.array(
    z.object({ steeringGroupId: uuid, steeringGroupName: z.string(), message: z.string() }),
  ),
  agreementsEndingWithoutReplacement: z.array(
    z.object({ id: uuid, agreementNumber: z.string(), name: z.string(), validTo: day, daysLeft: z.number() }),
  ),
  accessRequestsNearDeadline: z.array(
    z.object({ id: uuid, number: z.string(), receivedOn: day, dueOn: day, overdue: z.boolean() }),
  ),
});

export const myHomeSchema = z.object({
  today: day,
  member: memberHomeSchema.nullable(),
  procurementLead: procurementLeadHomeSchema.nullable(),
  rhfContact: z.array(rhfContactHomeSchema),
  cockpit: cockpitSchema.nullable(),
});
