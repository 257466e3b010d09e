// The governance feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as governanceRepo from './governance.repo.js';
export { caseElectorate } from './case-electorate.js';
export { allDecisions, decisionRegister, listMyCases } from './cases/index.js';
export { loadRules } from './governance-config.service.js';
export {
  caseStatusSchema,
  caseSummarySchema,
  decisionRegisterSchema,
  gateSchema,
  governanceViewSchema,
  notificationSchema,
  notificationsQuery,
} from './governance.schemas.js';
export { remindDeclarations } from './habilitet/declarations.service.js';
export { raiseHabilitetQuestion } from './habilitet/habilitet-questions.service.js';
export { membershipHabilitet } from './habilitet/membership-habilitet.js';
export { sendWeeklyDigests } from './habilitet/rhf-digest.service.js';
export {
  getProcurementWithGovernance,
  loadGovernanceContext,
  passGate,
  procurementStatusBlocker,
  setRisk,
} from './procurement-governance.service.js';
export { answerForRhf, castVote, escalateCase, submitCase } from './cases/index.js';
