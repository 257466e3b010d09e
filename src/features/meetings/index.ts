// The meetings feature's public surface: what other features, the CLI and the server may use.
export { listOverdueActions, toActionDto } from './action-items.service.js';
export { listGroupPlans } from './meeting-plans.service.js';
export type { MeetingContext } from './meeting-write.js';
export { listGroupMeetings } from './meetings.service.js';
