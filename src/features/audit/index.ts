// The audit feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { verifyAuditChain } from './verify-audit-chain.js';
export type { AuditChainReport } from './verify-audit-chain.js';
