// The meeting calendar on PGlite and PostgreSQL, on meetings the test builds: the status of each meeting,
// who sees which groups (secretariat all; a member their groups; an RHF contact the groups with a member from
// their RHF; nobody else anything), the Norwegian day range, and a refused range in Norwegian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededDatabase,
  databaseKinds,
  TEST_TODAY,
  type TestDatabase,
} from '../../../tests/support/databases.js';
import { demoUser } from '../../../tests/support/users.js';
import { meetings, minutes } from '../../db/schema.js';
import { addDays } from '../../shared/calendar-date.js';
import { osloInstant } from '../../shared/clock.js';
import { steeringGroupsRepo } from '../steering-groups/index.js';
import { meetingCalendarQuery } from './meeting-calendar.schemas.js';
import { createFeed, renderFeed } from './calendar-feeds.service.js';
import { listMeetingCalendar } from './meeting-calendar.service.js';

describe.each(databaseKinds)('meeting calendar on %s', (kind) => {
  let database: TestDatabase;
  let mine: { id: string; name: string };
  let other: { id: string; name: string };
  const now = osloInstant(TEST_TODAY, '10:00');
  const range = { from: addDays(TEST_TODAY, -30), to: addDays(TEST_TODAY, 30) };

  beforeAll(async () => {
    database = await createSeededDatabase(kind);
    const medlem = await demoUser(database.db, 'medlem');
    const kontakt = await demoUser(database.db, 'kontakt');
    const members = await steeringGroupsRepo.listMembers(database.db);
    const groups = await steeringGroupsRepo.listGroups(database.db);
    const medlemGroups = new Set(
      members.filter((m) => m.personId === medlem.personId).map((m) => m.steeringGroupId),
    );
    const contactRhf = kontakt.roles.find((r) => r.role === 'rhfContact')!.organisationId;
    mine = groups.find((g) => medlemGroups.has(g.id))!;
    // A group without the member and without anyone from the contact's RHF (its members all leave it).
    other = groups.find((g) => !medlemGroups.has(g.id))!;
    for (const member of members.filter((m) => m.steeringGroupId === other.id && m.rhfId === contactRhf))
      await steeringGroupsRepo.updateMember(database.db, member.id, { endedOn: addDays(TEST_TODAY, -365) });
    const meeting = (
      groupId: string,
      title: string,
      offsetDays: number,
      extra: Partial<typeof meetings.$inferInsert> = {},
    ) => ({
      steeringGroupId: groupId,
      title,
      startsAt: osloInstant(addDays(TEST_TODAY, offsetDays), '09:00'),
      endsAt: osloInstant(addDays(TEST_TODAY, offsetDays), '11:00'),
      uid: `${title}-${kind}@test`,
      ...extra,
    });
    const rows = await database.db
      .insert(meetings)
      .values([
        meeting(mine.id, 'Planlagt', 5),
        meeting(mine.id, 'Innkalt', 7, { invitationSentAt: osloInstant(TEST_TODAY, '08:00') }),
        meeting(mine.id, 'Avholdt', -7, { invitationSentAt: osloInstant(addDays(TEST_TODAY, -14)) }),
        meeting(mine.id, 'Godkjent', -21),
        meeting(mine.id, 'Avlyst', 3, { cancelled: true, cancelReason: 'Test' }),
        meeting(mine.id, 'I dag, ikke slutt', 0, {
          startsAt: osloInstant(TEST_TODAY, '09:00'),
          endsAt: osloInstant(TEST_TODAY, '12:00'),
        }),
        meeting(other.id, 'Annen gruppe', 2),
        meeting(mine.id, 'Utenfor perioden', 45),
        // 23:30 in Oslo on the last day of the range (the UTC day after in winter is not the point: Oslo's is).
        meeting(mine.id, 'Sent på siste dag', 30, {
          startsAt: osloInstant(range.to, '23:30'),
          endsAt: osloInstant(range.to, '23:59'),
        }),
      ])
      .returning({ id: meetings.id, title: meetings.title });
    const approvedId = rows.find((r) => r.title === 'Godkjent')!.id;
    await database.db.insert(minutes).values([
      {
        meetingId: approvedId,
        version: 1,
        status: 'approved',
        attendance: [],
        items: [],
        createdBy: 'test',
        approvedBy: 'test',
        approvedAt: now,
      },
      {
        meetingId: rows.find((r) => r.title === 'Avholdt')!.id,
        version: 1,
        status: 'draft',
        attendance: [],
        items: [],
        createdBy: 'test',
      },
    ]);
  });
  afterAll(() => database.dispose());

  const calendarOf = async (username: string) =>
    listMeetingCalendar(
      database.db,
      await demoUser(database.db, username),
      meetingCalendarQuery.parse(range),
      now,
    );
  const statuses = (calendar: Awaited<ReturnType<typeof calendarOf>>) =>
    Object.fromEntries(calendar.meetings.map((m) => [m.title, m.status]));

  it('gives each meeting its status, in the Norwegian days of the range', async () => {
    const calendar = await calendarOf('medlem');
    expect(calendar.scope).toBe('mine');
    expect(calendar.today).toBe(TEST_TODAY);
    expect(statuses(calendar)).toEqual({
      Godkjent: 'minutesApproved',
      Avholdt: 'held',
      'I dag, ikke slutt': 'planned',
      Avlyst: 'cancelled',
      Planlagt: 'planned',
      Innkalt: 'invited',
      'Sent på siste dag': 'planned',
    });
    expect(calendar.meetings.find((m) => m.title === 'Sent på siste dag')!.day).toBe(range.to);
    expect(new Set(calendar.meetings.map((m) => m.steeringGroupName))).toEqual(new Set([mine.name]));
  });

  it('shows the secretariat every group, an RHF contact the groups with a member from their RHF, others nothing', async () => {
    const secretariat = await calendarOf('sekretariat');
    expect(secretariat.scope).toBe('all');
    expect(secretariat.meetings.map((m) => m.title)).toContain('Annen gruppe');
    const contact = await calendarOf('kontakt');
    expect(contact.meetings.map((m) => m.title)).not.toContain('Annen gruppe');
    expect(contact.meetings.map((m) => m.title)).toContain('Planlagt');
    for (const username of ['innkjop', 'lesetilgang', 'leder'])
      expect((await calendarOf(username)).meetings, username).toEqual([]);
  });

  it("shows a regional body's meetings to its members, in the calendar and the personal feed (seed 000)", async () => {
    const forum = (await steeringGroupsRepo.findGroupByCode(database.db, 'HN-IF'))!;
    await database.db.insert(meetings).values({
      steeringGroupId: forum.id,
      title: 'Innkjøpsforum desember',
      startsAt: osloInstant(addDays(TEST_TODAY, 3), '09:00'),
      endsAt: osloInstant(addDays(TEST_TODAY, 3), '11:00'),
      uid: `innkjopsforum-${kind}@test`,
    });
    const member = await calendarOf('innkjop-fin');
    expect(member.meetings.map((m) => [m.title, m.steeringGroupName])).toContainEqual([
      'Innkjøpsforum desember',
      'Innkjøpsforum',
    ]);
    expect((await calendarOf('medlem')).meetings.map((m) => m.title)).not.toContain('Innkjøpsforum desember');
    expect((await calendarOf('sekretariat')).meetings.map((m) => m.title)).toContain(
      'Innkjøpsforum desember',
    );
    const ctx = {
      today: TEST_TODAY,
      now,
      publicUrl: 'http://localhost',
      organizerEmail: 'post@example.test',
    };
    const feed = await createFeed(database.db, await demoUser(database.db, 'innkjop-fin'), null, ctx);
    const ics = await renderFeed(database.db, feed.url.split('/').pop()!, ctx);
    expect(ics).toContain('SUMMARY:Innkjøpsforum: Innkjøpsforum desember');
  });

  it('refuses a reversed or too long range with a Norwegian message', () => {
    const reversed = meetingCalendarQuery.safeParse({ from: TEST_TODAY, to: addDays(TEST_TODAY, -1) });
    expect(reversed.success).toBe(false);
    expect(reversed.error!.issues[0]!.message).toBe('Fra-dato må være før til-dato');
    const long = meetingCalendarQuery.safeParse({ from: TEST_TODAY, to: addDays(TEST_TODAY, 62) });
    expect(long.error!.issues[0]!.message).toBe('Kalenderen viser høyst 62 dager om gangen');
    expect(meetingCalendarQuery.safeParse({ from: TEST_TODAY, to: addDays(TEST_TODAY, 61) }).success).toBe(
      true,
    );
  });
});
