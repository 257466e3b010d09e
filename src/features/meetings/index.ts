// The meetings feature's public surface: what other features, the CLI and the server may use.

export * as meetingsRepo from './meetings.repo.js';
export { listOverdueActions, toActionDto } from './action-items.service.js';
export { listGroupPlans } from './meeting-plans.service.js';
export type { MeetingContext } from './meeting-write.js';
export { actionSchema, meetingPlanSchema, meetingSummarySchema } from './meetings.schemas.js';
export { listGroupMeetings } from './meetings.service.js';
export { createAction } from './action-items.service.js';
export { addAgendaItem, fillAgendaFromCases } from './agenda.service.js';
export { addMeeting } from './meetings.service.js';
export { saveMinutes } from './minutes.service.js';
export { seedSecretariatDemo } from './meetings.seed.js';
