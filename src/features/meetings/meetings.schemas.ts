// The meeting calendar's HTTP contract (shared by server and web app).
import { z } from 'zod';
import { actionStatusIds } from '../../domain/meetings.rules.js';
import { isoDate, uuid } from '../../shared/schemas.js';

const instant = z.iso.datetime({ offset: true, message: 'Tidspunkt må være ISO 8601 med tidssone' });

export const meetingInputSchema = z.object({
  title: z.string().trim().min(3, 'Tittel må ha minst 3 tegn').max(200).optional(),
  startsAt: instant,
  endsAt: instant,
  location: z.string().trim().max(300).nullable().default(null),
  invitationDaysBefore: z.coerce.number().int().min(0).max(60).default(7),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const meetingPlanInputSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  meetings: z.array(meetingInputSchema).min(1).max(24),
});

export const moveMeetingSchema = z.object({
  title: z.string().trim().min(3).max(200).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  location: z.string().trim().max(300).nullable().optional(),
  invitationDaysBefore: z.coerce.number().int().min(0).max(60).optional(),
});

export const cancelMeetingSchema = z.object({ reason: z.string().trim().min(3, 'Oppgi en grunn').max(2000) });

export const agendaItemInputSchema = z.object({
  title: z.string().trim().min(3, 'Tittel må ha minst 3 tegn').max(300),
  description: z.string().trim().max(10_000).nullable().default(null),
  caseId: uuid.nullable().default(null),
});

export const conflictInputSchema = z.object({
  reason: z.string().trim().min(3, 'Begrunn inhabiliteten').max(2000),
});

export const minutesInputSchema = z.object({
  attendance: z.array(z.object({ personId: uuid, present: z.boolean() })).max(20),
  items: z
    .array(
      z.object({
        agendaItemId: uuid,
        summary: z.string().trim().max(20_000).default(''),
        /** The decision for an item without a case; a case's decision is the governance decision. */
        decision: z.string().trim().max(10_000).nullable().default(null),
        dissent: z
          .array(z.object({ personId: uuid, reason: z.string().trim().min(2).max(4000) }))
          .default([]),
      }),
    )
    .max(100),
  changeNote: z.string().trim().max(2000).nullable().default(null),
});
export type MinutesInput = z.infer<typeof minutesInputSchema>;

export const actionInputSchema = z.object({
  title: z.string().trim().min(3, 'Tittel må ha minst 3 tegn').max(500),
  ownerPersonId: uuid,
  dueDate: isoDate,
  meetingId: uuid.nullable().default(null),
  agendaItemId: uuid.nullable().default(null),
  caseId: uuid.nullable().default(null),
});

export const actionUpdateSchema = z.object({
  status: z.enum(actionStatusIds).optional(),
  progressNote: z.string().trim().max(4000).nullable().optional(),
  dueDate: isoDate.optional(),
});

export const agendaItemParams = z.object({ id: uuid });
export const feedParams = z.object({ file: z.string().max(200) });
export const feedInputSchema = z.object({ steeringGroupId: uuid.nullable().default(null) });

const personRef = z.object({ personId: uuid, name: z.string() });

export const actionSchema = z.object({
  id: uuid,
  steeringGroupId: uuid,
  steeringGroupName: z.string(),
  meetingId: uuid.nullable(),
  agendaItemId: uuid.nullable(),
  caseId: uuid.nullable(),
  title: z.string(),
  owner: personRef,
  dueDate: z.string(),
  status: z.enum(actionStatusIds),
  progressNote: z.string().nullable(),
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
});

export const meetingSummarySchema = z.object({
  id: uuid,
  steeringGroupId: uuid,
  planId: uuid.nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  sequence: z.number().int(),
  uid: z.string(),
  invitationDaysBefore: z.number().int(),
  invitationDueOn: z.string(),
  invitationSentAt: z.string().nullable(),
  minutesStatus: z.enum(['none', 'draft', 'approved']),
});

export const agendaItemSchema = z.object({
  id: uuid,
  position: z.number().int(),
  kind: z.enum(['case', 'item', 'followUp']),
  caseId: uuid.nullable(),
  caseStatus: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  conflicts: z.array(
    z.object({ personId: uuid, name: z.string(), reason: z.string(), declaredAt: z.string() }),
  ),
  myConflict: z.boolean(),
});

export const minutesSchema = z.object({
  id: uuid,
  version: z.number().int(),
  status: z.enum(['draft', 'approved']),
  attendance: z.array(z.object({ personId: uuid, name: z.string(), present: z.boolean() })),
  items: z.array(
    z.object({
      agendaItemId: uuid,
      title: z.string(),
      summary: z.string(),
      decision: z.string().nullable(),
      caseId: uuid.nullable(),
      decisionNumber: z.string().nullable(),
      dissent: z.array(z.object({ personId: uuid, name: z.string(), reason: z.string() })),
    }),
  ),
  changeNote: z.string().nullable(),
  createdBy: z.string(),
  updatedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});

export const meetingDetailSchema = meetingSummarySchema.extend({
  steeringGroupName: z.string(),
  agenda: z.array(agendaItemSchema),
  minutes: minutesSchema.nullable(),
  minutesHistory: z.array(minutesSchema),
  actions: z.array(actionSchema),
  members: z.array(
    z.object({ personId: uuid, name: z.string(), rhfName: z.string(), isLeader: z.boolean() }),
  ),
  viewer: z.object({
    isSecretariat: z.boolean(),
    isMember: z.boolean(),
    isLeader: z.boolean(),
    canEdit: z.boolean(),
    canApproveMinutes: z.boolean(),
    canDeclareConflict: z.boolean(),
  }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingPlanSchema = z.object({
  id: uuid,
  year: z.number().int(),
  status: z.enum(['proposed', 'approved']),
  decisionNumber: z.string().nullable(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  meetingCount: z.number().int(),
});

export const feedSchema = z.object({
  id: uuid,
  steeringGroupId: uuid.nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const createdFeedSchema = feedSchema.extend({ url: z.string() });
