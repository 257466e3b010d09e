// In-app notifications (the inbox). E-mail delivery comes with the secretariat issue; callers already
// say who is to be told what, inside the transaction of the change that causes it.
import type { Db } from '../../db/client.js';
import { writeAudited, type Actor } from '../../db/unit-of-work.js';
import { notFound } from '../../shared/app-error.js';
import * as repo from './notifications.repo.js';

export interface Notice {
  kind:
    | 'caseAwaitingVote'
    | 'caseDecided'
    | 'caseDissent'
    | 'escalation'
    | 'escalationResolved'
    | 'gateInformed'
    | 'consultation';
  title: string;
  body?: string;
  /** Path in the web app; never exempt content, only where to read it. */
  link: string;
}

export async function notify(tx: Db, personIds: Iterable<string>, notice: Notice) {
  await repo.insertNotifications(
    tx,
    [...new Set(personIds)].map((personId) => ({
      personId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? null,
      link: notice.link,
    })),
  );
}

export async function listMyNotifications(db: Db, personId: string, onlyUnread: boolean) {
  return (await repo.listNotifications(db, personId, onlyUnread)).map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }));
}

export async function markRead(db: Db, actor: Actor, personId: string, id: string) {
  await writeAudited(db, actor, async (tx, recordAudit) => {
    if (!(await repo.markNotificationRead(tx, personId, id)))
      throw notFound('Varselet finnes ikke, eller er allerede lest.');
    await recordAudit({ action: 'read', entityType: 'notification', entityId: id, summary: 'Varsel lest' });
  });
}
