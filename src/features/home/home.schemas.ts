import { z } from 'zod';
import { procurementStatusIds } from '../../shared/enums.js';
import { uuid } from '../../shared/schemas.js';
import {
  caseGateSchema,
  caseStatusSchema,
  caseSummarySchema,
  gateSchema,
} from '../governance/governance.schemas.js';

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
  /** What the member has to answer or renew on habilitet (seed 001 §7.2). */
  habilitet: z.object({
    declaration: z.object({
      status: z.enum(['missing', 'overdue', 'dueSoon', 'current']),
      dueOn: day.nullable(),
      confirmedOn: day.nullable(),
    }),
    /** Cases awaiting my vote where I have not answered on habilitet yet. */
    awaitingAnswer: z.array(caseSummarySchema),
    /** Questions raised about me that my RHF has not decided: until then I count as inhabil. */
    questionsAboutMe: z.array(
      z.object({
        id: uuid,
        caseId: uuid,
        caseTitle: z.string(),
        procurementName: z.string().nullable(),
        steeringGroupName: z.string(),
        rhfName: z.string(),
        reason: z.string(),
        raisedAt: z.string(),
      }),
    ),
  }),
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
      procurementName: z.string().nullable(),
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
      procurementName: z.string().nullable(),
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
  /** The latest risk profile of each of the region's procurements; none: not assessed. */
  byRisk: z.object({
    høy: z.number().int(),
    medium: z.number().int(),
    lav: z.number().int(),
    none: z.number().int(),
  }),
  highRisk: z.array(procurementRef),
  highSignificance: z.array(procurementRef),
  awaitingOurAnswer: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      procurementName: z.string().nullable(),
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
  /** Deciding members (in force or starting later) without the RHF's cleared check at appointment. */
  membersWithoutAppointmentCheck: z.array(
    z.object({
      membershipId: uuid,
      personId: uuid,
      personName: z.string(),
      steeringGroupId: uuid,
      steeringGroupName: z.string(),
      termStart: day,
      outcome: z.enum(['notCleared']).nullable(),
      startsLater: z.boolean(),
    }),
  ),
});

const hfPurchasingHomeSchema = z.object({
  hfId: uuid,
  /** The HF's organisation code: the spend analysis filters on it (`/forbruk?hf=`). */
  hfCode: z.string(),
  hfName: z.string(),
  /** Agreements covering the HF (national, the RHF's regional, its local) ending within 12 months. */
  agreementsEnding: z.array(
    z.object({
      id: uuid,
      agreementNumber: z.string(),
      name: z.string(),
      supplierName: z.string(),
      scope: z.enum(['national', 'regional', 'local']),
      validTo: day,
      daysLeft: z.number().int(),
      /** An open procurement in the agreement's categories will replace it. */
      replacementPlanned: z.boolean(),
    }),
  ),
  implementationPlans: z.array(
    z.object({
      id: uuid,
      agreementId: uuid,
      agreementNumber: z.string(),
      agreementName: z.string(),
      dueDate: day,
      responsibleName: z.string().nullable(),
      items: z.number().int(),
      done: z.number().int(),
      late: z.number().int(),
    }),
  ),
  /** Items of this year's (or a later) anskaffelsesplan whose procurement the HF takes part in. */
  annualPlanItems: z.array(
    z.object({
      planId: uuid,
      year: z.number().int(),
      planStatus: z.string(),
      itemId: uuid,
      procurementId: uuid,
      procurementName: z.string(),
      initialSignificance: z.enum(['høy', 'medium', 'lav']),
      gainEstimateNok: z.string().nullable(),
    }),
  ),
});

const readerHomeSchema = z.object({
  since: day,
  recentDecisions: z.array(
    z.object({
      caseId: uuid,
      decisionNumber: z.string(),
      title: z.string(),
      status: caseStatusSchema,
      procurementName: z.string().nullable(),
      steeringGroupName: z.string(),
      decidedOn: day,
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
      procurementName: z.string().nullable(),
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
  /** One section per HF the user is purchasing manager for. */
  hfPurchasing: z.array(hfPurchasingHomeSchema),
  /** Read-only access: what there is to read. */
  reader: readerHomeSchema.nullable(),
  cockpit: cockpitSchema.nullable(),
});
