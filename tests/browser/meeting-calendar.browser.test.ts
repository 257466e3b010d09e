// The meeting calendar in the browser (issue 11 item 2) on meetings the test builds, with the server's and
// the browser's clock pinned to 2026-06-15: month and week views with each meeting's status and a link to it,
// the member sees only their groups, the secretariat all, and the calendar links stay beside.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, minutes } from '../../src/db/schema.js';
import { steeringGroupsRepo } from '../../src/features/steering-groups/index.js';
import { addDays } from '../../src/shared/calendar-date.js';
import { osloInstant } from '../../src/shared/clock.js';
import { launchChromium, loginAs, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { demoUser } from '../support/users.js';

const TODAY = '2026-06-15'; // a Monday

describe('meeting calendar', () => {
  let server: TestServer;
  let browser: Browser;
  let otherTitle: string;

  beforeAll(async () => {
    server = await startTestServer({ today: TODAY });
    browser = await launchChromium();
    const db = server.database.db;
    const medlem = await demoUser(db, 'medlem');
    const members = await steeringGroupsRepo.listMembers(db);
    const groups = await steeringGroupsRepo.listGroups(db);
    const medlemGroups = new Set(
      members.filter((m) => m.personId === medlem.personId).map((m) => m.steeringGroupId),
    );
    const mine = groups.find((g) => medlemGroups.has(g.id))!;
    const other = groups.find((g) => !medlemGroups.has(g.id))!;
    otherTitle = `Møte i ${other.name}`;
    const at = (offset: number, time: string) => osloInstant(addDays(TODAY, offset), time);
    const meeting = (
      groupId: string,
      title: string,
      offset: number,
      extra: Partial<typeof meetings.$inferInsert> = {},
    ) => ({
      steeringGroupId: groupId,
      title,
      startsAt: at(offset, '09:00'),
      endsAt: at(offset, '11:00'),
      uid: `${title}@kalendertest`,
      ...extra,
    });
    const rows = await db
      .insert(meetings)
      .values([
        meeting(mine.id, 'Kalendertest planlagt', 9),
        meeting(mine.id, 'Kalendertest innkalt', 2, { invitationSentAt: at(-3, '08:00') }),
        meeting(mine.id, 'Kalendertest avholdt', -5, { invitationSentAt: at(-12, '08:00') }),
        meeting(mine.id, 'Kalendertest godkjent', -12),
        meeting(other.id, otherTitle, 3),
      ])
      .returning({ id: meetings.id, title: meetings.title });
    await db.insert(minutes).values({
      meetingId: rows.find((r) => r.title === 'Kalendertest godkjent')!.id,
      version: 1,
      status: 'approved',
      attendance: [],
      items: [],
      createdBy: 'kalendertest',
      approvedBy: 'kalendertest',
      approvedAt: at(-6, '12:00'),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the member their groups’ meetings by month and week, with status, linking to the meeting', async () => {
    const { context, page } = await loginAs(browser, server.url, 'medlem');
    try {
      await page.goto(`${server.url}/kalender`);
      const calendar = page.locator('[data-testid="meeting-calendar"][data-busy="false"]');
      await calendar.waitFor();
      expect(await page.getByTestId('calendar-title').textContent()).toBe('juni 2026');
      expect(await calendar.getAttribute('data-from')).toBe('2026-06-01');
      expect(
        await page.locator('[data-testid="calendar-day"][aria-current="date"]').getAttribute('data-day'),
      ).toBe(TODAY);
      const status = (title: string) =>
        page.getByTestId('calendar-meeting').filter({ hasText: title }).getAttribute('data-status');
      expect(await status('Kalendertest planlagt')).toBe('planned');
      expect(await status('Kalendertest innkalt')).toBe('invited');
      expect(await status('Kalendertest avholdt')).toBe('held');
      expect(await status('Kalendertest godkjent')).toBe('minutesApproved');
      expect(await page.getByTestId('calendar-meeting').filter({ hasText: otherTitle }).count()).toBe(0);
      await page
        .locator('[data-testid="calendar-day"][data-day="2026-06-17"]')
        .getByText('Kalendertest innkalt')
        .waitFor();
      // The calendar links stay beside the calendar.
      await page.getByRole('heading', { name: 'Kalenderabonnement' }).waitFor();
      await screenshot(page, 'meeting-calendar-month');

      // Week view of this week (Monday 15 June): only the invited meeting on Wednesday; the next week has the
      // planned one and the demo's.
      await page.getByTestId('calendar-view-week').click();
      await page.waitForURL((url) => url.searchParams.get('visning') === 'uke');
      await page.locator('[data-testid="meeting-calendar"][data-view="week"][data-busy="false"]').waitFor();
      expect(await page.getByTestId('calendar-title').textContent()).toBe('Uke 25 · 15.06.2026–21.06.2026');
      expect(await page.getByTestId('calendar-meeting').allTextContents()).toEqual([
        expect.stringContaining('Kalendertest innkalt'),
      ]);
      await page.getByTestId('calendar-next').click();
      await page
        .locator('[data-testid="meeting-calendar"][data-from="2026-06-22"][data-busy="false"]')
        .waitFor();
      // The planned meeting, and the living demo's KIR meeting a week from today (features/seed/demo-meetings.ts).
      expect(await page.getByTestId('calendar-meeting').count()).toBe(2);
      expect(await status('Kalendertest planlagt')).toBe('planned');
      expect(await status('Styringsgruppemøte neste uke')).toBe('planned');
      await screenshot(page, 'meeting-calendar-week');

      // A reload keeps view and week; the link opens the meeting.
      await page.reload();
      await page
        .locator('[data-testid="meeting-calendar"][data-from="2026-06-22"][data-busy="false"]')
        .waitFor();
      await page
        .getByTestId('calendar-meeting')
        .filter({ hasText: 'Kalendertest planlagt' })
        .getByRole('link')
        .click();
      await page.waitForURL(/\/moter\/[0-9a-f-]+$/);
      await page.getByText('Kalendertest planlagt').first().waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the secretariat every group’s meetings', async () => {
    const { context, page } = await loginAs(browser, server.url, 'sekretariat');
    try {
      await page.goto(`${server.url}/kalender?dato=2026-06-18&visning=uke`);
      await page
        .locator('[data-testid="meeting-calendar"][data-from="2026-06-15"][data-busy="false"]')
        .waitFor();
      await page.getByTestId('calendar-meeting').filter({ hasText: otherTitle }).waitFor();
      await page.getByTestId('calendar-meeting').filter({ hasText: 'Kalendertest innkalt' }).waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);
});
