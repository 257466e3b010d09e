// The public-access feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { markDeemedRefusals } from './access-appeals.js';
export {
  journalApprovedMinutes,
  journalDecision,
  journalMeetingPlanDecision,
  registerStoredDocument,
} from './journal-registration.js';
export { loadJournalViews, publicJournalEntry } from './journal.service.js';
export { resolveVariantAttachments } from './variant-attachments.js';
export { registerRequest } from './access-requests.service.js';
