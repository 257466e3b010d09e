// Calendar feeds for Outlook/Teams, which subscribe without a cookie: a secret URL shown once (only its
// SHA-256 is stored), revocable, and the owner's access re-checked on every fetch.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { writeAudited } from '../../db/unit-of-work.js';
import { serializeCalendar } from '../../domain/icalendar.rules.js';
import { AppError, forbidden, notFound } from '../../shared/app-error.js';
import type { CurrentUser } from '../auth/index.js';
import { loadCurrentUser } from '../auth/index.js';
import { peopleRepo } from '../people/index.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { canSeeWorkspace, requireWorkspace, viewerOf } from '../workspace/index.js';
import { toEvent, type MeetingContext } from './meeting-write.js';
import * as repo from './meetings.repo.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createFeed(
  db: Db,
  user: CurrentUser,
  steeringGroupId: string | null,
  ctx: MeetingContext,
) {
  if (steeringGroupId) await requireWorkspace(db, user, steeringGroupId, ctx.today);
  const token = randomBytes(24).toString('base64url');
  const row = await writeAudited(db, user, async (tx, recordAudit) => {
    const inserted = await repo.insertFeedToken(tx, {
      tokenHash: hashToken(token),
      personId: user.personId,
      steeringGroupId,
    });
    await recordAudit({
      action: 'createCalendarFeed',
      entityType: 'calendarFeed',
      entityId: inserted.id,
      summary: `Kalenderlenke opprettet (${steeringGroupId ? 'gruppe' : 'mine møter'})`,
      after: { steeringGroupId },
    });
    return inserted;
  });
  return { ...feedDto(row), url: `${ctx.publicUrl}/api/calendar/${token}.ics` };
}

const feedDto = (row: Awaited<ReturnType<typeof repo.insertFeedToken>>) => ({
  id: row.id,
  steeringGroupId: row.steeringGroupId,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function listFeeds(db: Db, user: CurrentUser) {
  return (await repo.listFeedTokens(db, user.personId)).map(feedDto);
}

export async function revokeFeed(db: Db, user: CurrentUser, id: string) {
  await writeAudited(db, user, async (tx, recordAudit) => {
    if (!(await repo.revokeFeedToken(tx, id, user.personId)))
      throw notFound('Kalenderlenken finnes ikke, eller er allerede trukket tilbake.');
    await recordAudit({
      action: 'revokeCalendarFeed',
      entityType: 'calendarFeed',
      entityId: id,
      summary: 'Kalenderlenke trukket tilbake',
    });
  });
}

/**
 * The .ics behind a secret feed URL (Outlook subscribes without a cookie). The token owner's access is
 * checked now, not when the link was made: a member who left the group stops seeing its meetings.
 */
export async function renderFeed(db: Db, file: string, ctx: MeetingContext): Promise<string> {
  const match = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file);
  const feed = match ? await repo.findActiveFeedToken(db, hashToken(match[1]!)) : null;
  const account = feed ? await peopleRepo.findUserByPerson(db, feed.personId) : null;
  const owner = account ? await loadCurrentUser(db, account.id) : null;
  if (!feed || !owner) throw new AppError('unauthenticated', 'Ukjent eller tilbakekalt kalenderlenke.');
  const groups = await steeringGroupsRepo.listGroups(db, 'all');
  const allMembers = await steeringGroupsRepo.listMembers(db);
  const visible = groups.filter((group) => {
    if (feed.steeringGroupId && group.id !== feed.steeringGroupId) return false;
    const viewer = viewerOf(
      owner,
      allMembers.filter((m) => m.steeringGroupId === group.id),
      ctx.today,
    );
    // The personal feed holds the groups one sits in (all of them for the secretariat).
    return feed.steeringGroupId ? canSeeWorkspace(viewer) : viewer.isMember || viewer.isSecretariat;
  });
  if (feed.steeringGroupId && visible.length === 0)
    throw forbidden('Du har ikke lenger tilgang til gruppens møter.');
  const meetings = await repo.listMeetings(db, { steeringGroupIds: visible.map((g) => g.id) });
  const name = feed.steeringGroupId ? visible[0]!.name : `Styringsportalen – ${owner.personName}`;
  return serializeCalendar({
    name,
    method: 'PUBLISH',
    stamp: ctx.now,
    events: meetings.map((meeting) =>
      toEvent(
        meeting,
        visible.find((g) => g.id === meeting.steeringGroupId)!,
        ctx,
      ),
    ),
  });
}
