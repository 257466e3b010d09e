// The workspace feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export {
  canSeeWorkspace,
  requireLeaderOrSecretariat,
  requireSecretariat,
  requireWorkspace,
  viewerOf,
} from './workspace-access.js';
export type { WorkspaceViewer } from './workspace-access.js';
