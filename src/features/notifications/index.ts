// The notifications feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export * as notificationsRepo from './notifications.repo.js';
export { encodeMailBody } from './mail-body.js';
export type { MailDispatcher } from './mail-dispatcher.js';
export { notify } from './notifications.service.js';
