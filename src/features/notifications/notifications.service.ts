// Notifications: the in-app inbox and e-mail. Callers say who is to be told what with notify(), inside the
// transaction of the change that causes it; e-mail is queued in the same transaction (mail_outbox) and sent
// after commit by the mail dispatcher, so a rolled-back change sends nothing and a commit loses no mail.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import type { CalendarMethod } from '../../domain/icalendar.rules.js';
import { notFound } from '../../shared/app-error.js';
import { encodeMailBody } from './mail-body.js';
import * as repo from './notifications.repo.js';

export interface Notice {
  kind:
    | 'caseAwaitingVote'
    | 'caseDecided'
    | 'caseDissent'
    | 'escalation'
    | 'escalationResolved'
    | 'faggruppeMatter'
    | 'faggruppeLineEscalation'
    | 'gateInformed'
    | 'consultation'
    | 'meetingPlanProposed'
    | 'meetingPlanApproved'
    | 'invitation'
    | 'meetingChanged'
    | 'meetingCancelled'
    | 'minutesApproved'
    | 'actionAssigned'
    | 'actionOverdue'
    | 'habilitetQuestion'
    | 'habilitetDecided'
    | 'caseNotQuorate'
    | 'declarationDue'
    | 'compositionWarning'
    | 'rhfInformation'
    | 'rhfDigest';
  title: string;
  /** Shown in the inbox only; e-mail carries the title and the link, never more. */
  body?: string;
  /** Path in the web app; never exempt content, only where to read it. */
  link: string;
  /** An iCalendar object to attach to the e-mail (invitation, move, cancellation). */
  calendar?: { method: CalendarMethod; content: string };
  /**
   * For the e-mail only (the invitation): plain lines such as the agenda (never exempt content), and
   * documents by id, attached when the mail is sent if they are public then (see mail-dispatcher.ts).
   */
  mail?: { lines?: string[]; documents?: Array<{ id: string; label: string }> };
}

export async function notify(tx: Db, personIds: Iterable<string>, notice: Notice) {
  const recipients = [...new Set(personIds)];
  await repo.insertNotifications(
    tx,
    recipients.map((personId) => ({
      personId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? null,
      link: notice.link,
    })),
  );
  const addresses = await repo.listEmailAddresses(tx, recipients);
  await repo.enqueueMail(
    tx,
    addresses.map(({ personId, email }) => ({
      personId,
      toAddress: email,
      subject: notice.title,
      // The link is made absolute when the mail is sent (the public URL is configuration).
      textBody: encodeMailBody({ link: notice.link, ...notice.mail }),
      icalendar: notice.calendar?.content ?? null,
      icalendarMethod: notice.calendar?.method ?? null,
    })),
  );
}

/** One page of my inbox, newest first, with the total. */
export async function listMyNotifications(
  db: Db,
  personId: string,
  query: { unread: boolean; limit: number; offset: number },
) {
  const page = await repo.listNotifications(db, personId, { onlyUnread: query.unread, ...query });
  return {
    items: page.rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function markRead(db: Db, actor: Actor, personId: string, id: string) {
  await writeAudited(db, actor, async (tx, recordAudit) => {
    if (!(await repo.markNotificationRead(tx, personId, id)))
      throw notFound('Varselet finnes ikke, eller er allerede lest.');
    await recordAudit({ action: 'read', entityType: 'notification', entityId: id, summary: 'Varsel lest' });
  });
}
