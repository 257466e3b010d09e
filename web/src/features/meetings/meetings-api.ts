// The portfolio secretariat over /api: meetings, agenda, conflicts, minutes, actions, calendar links (issue 4).
import type { z } from 'zod';
import type {
  actionSchema,
  createdFeedSchema,
  feedSchema,
  meetingInputSchema,
  MeetingDetail,
  minutesInputSchema,
} from '@server/features/meetings/meetings.schemas.js';
import type { workspaceSchema } from '@server/features/workspace/workspace.schemas.js';
import type { myTrainingSchema } from '@server/features/training/training.schemas.js';
import { api } from '../../shared/api-client.js';

export type { MeetingDetail };
export type Action = z.infer<typeof actionSchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type MinutesInput = z.input<typeof minutesInputSchema>;
export type CreatedFeed = z.infer<typeof createdFeedSchema>;
export type Feed = z.infer<typeof feedSchema>;
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingChange = {
  title?: string;
  startsAt?: string;
  endsAt?: string;
  location?: string | null;
};
export type MyTraining = z.infer<typeof myTrainingSchema>;

export const workspacePath = (groupId: string) => `/api/steering-groups/${groupId}/workspace`;
export const meetingPath = (id: string) => `/api/meetings/${id}`;
export const overduePath = '/api/actions/overdue';
export const myTrainingPath = '/api/my/training';
export const feedsPath = '/api/my/calendar-feeds';

export const meetingsApi = {
  addMeeting: (
    groupId: string,
    body: { startsAt: string; endsAt: string; location: string | null; title?: string },
  ) => api.post<MeetingDetail>(`/api/steering-groups/${groupId}/meetings`, body),
  moveMeeting: (id: string, body: MeetingChange) => api.patch<MeetingDetail>(meetingPath(id), body),
  cancelMeeting: (id: string, reason: string) =>
    api.post<MeetingDetail>(`${meetingPath(id)}/cancel`, { reason }),
  fillAgenda: (id: string) => api.post<MeetingDetail>(`${meetingPath(id)}/agenda/from-cases`),
  addAgendaItem: (id: string, title: string) =>
    api.post<MeetingDetail>(`${meetingPath(id)}/agenda`, { title }),
  sendInvitation: (id: string) => api.post<MeetingDetail>(`${meetingPath(id)}/invitation`),
  declareConflict: (agendaItemId: string, reason: string) =>
    api.put<void>(`/api/agenda-items/${agendaItemId}/conflict`, { reason }),
  withdrawConflict: (agendaItemId: string) => api.delete(`/api/agenda-items/${agendaItemId}/conflict`),
  saveMinutes: (id: string, body: MinutesInput) => api.put<MeetingDetail>(`${meetingPath(id)}/minutes`, body),
  approveMinutes: (id: string) => api.post<MeetingDetail>(`${meetingPath(id)}/minutes/approve`),
  createAction: (
    groupId: string,
    body: {
      title: string;
      ownerPersonId: string;
      dueDate: string;
      meetingId?: string | null;
      agendaItemId?: string | null;
    },
  ) => api.post<{ id: string }>(`/api/steering-groups/${groupId}/actions`, body),
  updateAction: (id: string, body: { status?: Action['status']; progressNote?: string | null }) =>
    api.patch<void>(`/api/actions/${id}`, body),
  proposePlan: (groupId: string, body: { year: number; meetings: MeetingInput[] }) =>
    api.post<{ id: string }>(`/api/steering-groups/${groupId}/meeting-plans`, body),
  approvePlan: (planId: string) =>
    api.post<{ decisionNumber: string }>(`/api/meeting-plans/${planId}/approve`),
  createFeed: (steeringGroupId: string | null) => api.post<CreatedFeed>(feedsPath, { steeringGroupId }),
  revokeFeed: (id: string) => api.delete(`${feedsPath}/${id}`),
  completeModule: (module: number) => api.post<MyTraining>(`/api/my/training/modules/${module}/complete`),
};

export const actionStatusLabels: Record<Action['status'], string> = {
  open: 'Åpen',
  inProgress: 'Pågår',
  done: 'Fullført',
};

const timeFormat = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
export const formatMeetingTime = (iso: string) => timeFormat.format(new Date(iso));

const osloParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Norway is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(instant: number): number {
  const parts = Object.fromEntries(osloParts.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute);
  return Math.round((asUtc - instant) / 60_000);
}

/** A date (YYYY-MM-DD) and a time (HH:MM) typed in Norwegian time, as an ISO instant (whatever the browser's zone). */
export function toInstant(date: string, time: string): string {
  const naive = Date.parse(`${date}T${time}:00Z`);
  return new Date(naive - osloOffsetMinutes(naive) * 60_000).toISOString();
}

/** An ISO instant as the date (YYYY-MM-DD) and time (HH:MM) in Norwegian time, for the form fields. */
export function fromInstant(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(osloParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}
