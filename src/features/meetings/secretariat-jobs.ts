// The secretariat's recurring work, run by the server every STYR_JOB_INTERVAL_SECONDS (and by
// `styr secretariat run-jobs`): invitations due, reminders of overdue actions, access requests deemed
// refused, habilitet declarations due, the RHF contacts' weekly digest (once per ISO week), then the outbox.
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { systemActor } from '../../db/unit-of-work.js';
import type { Clock } from '../../shared/clock.js';
import { remindDeclarations } from '../governance/index.js';
import { sendWeeklyDigests } from '../governance/index.js';
import type { MailDispatcher } from '../notifications/index.js';
import { markDeemedRefusals } from '../public-access/index.js';
import { organizerEmailOf } from './meetings.config.js';
import { notifyOverdueActions } from './action-items.service.js';
import { sendDueInvitations } from './invitations.service.js';

export async function runSecretariatJobs(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: MailDispatcher | null;
}) {
  const actor = systemActor('sekretariat-jobb');
  const ctx = {
    today: deps.clock.today(),
    now: deps.clock.now(),
    publicUrl: deps.config.publicUrl,
    organizerEmail: organizerEmailOf(deps.config),
  };
  const invitations = await sendDueInvitations(deps.db, actor, ctx);
  const overdue = await notifyOverdueActions(deps.db, actor, deps.clock);
  // Offentleglova § 32: unanswered access requests past five working days count as refusals.
  const deemedRefusals = await markDeemedRefusals(deps.db, {
    today: deps.clock.today(),
    appealBody: deps.config.appealBody,
  });
  const declarationReminders = await remindDeclarations(deps.db, actor, deps.clock.today());
  const rhfDigests = await sendWeeklyDigests(deps.db, actor, deps.clock.today());
  const mails = deps.mail ? await deps.mail.drain() : 0;
  return { invitations, overdue, deemedRefusals, declarationReminders, rhfDigests, mails };
}

export function startSecretariatJobs(deps: {
  db: Db;
  config: Config;
  clock: Clock;
  mail: MailDispatcher | null;
  onError: (error: unknown) => void;
}) {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    runSecretariatJobs(deps)
      .catch(deps.onError)
      .finally(() => {
        busy = false;
      });
  }, deps.config.jobIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
