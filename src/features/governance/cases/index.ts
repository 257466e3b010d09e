// The case use cases (saker at the phase gates), one file each; the routes and other governance modules
// import from here.
export { addDocument, readDocument } from './case-documents.js';
export { getCase } from './case-view.js';
export { applyVote, castVote } from './cast-vote.js';
export { allDecisions, decisionRegister } from './decision-register.js';
export { answerForRhf, escalateCase, markOutsideMandate } from './escalate-case.js';
export { escalateFurther } from './escalate-further.js';
export { listMyCases } from './list-my-cases.js';
export { recordConsultation } from './record-consultation.js';
export { resolveCase } from './resolve-case.js';
export { settleCase } from './settle-case.js';
export { submitCase } from './submit-case.js';
