// Settings of the meetings feature that the routes and the jobs share.
import type { Config } from '../../config.js';

/** The ORGANIZER of invitations: the address in STYR_MAIL_FROM ("Name <a@b>" or a bare address). */
export function organizerEmailOf(config: Pick<Config, 'mailFrom'>): string {
  return /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
}
