// Browser flows a user cares about: editing a steering-group membership makes the composition checks react,
// and the procurement list filtered by a steering group shows only that group's procurements.
import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

const TRAINING_DATE = '2024-01-15';
const TRAINING_DATE_SHOWN = '15.01.2024';

describe('steering groups in the browser', () => {
  let page: Page;
  const suite = useBrowserSuite();

  async function openLoggedIn(): Promise<Page> {
    page = await suite.as('sekretariat');
    await expect(page.getByTestId('current-user').textContent()).resolves.not.toBe('');
    return page;
  }

  /** Opens the membership dialog of the named member, lets `change` fill it, saves and waits for the reload. */
  async function editMembership(personName: string, change: (dialog: Locator) => Promise<void>) {
    const row = page.locator(`[data-testid="member-row"][data-person-name="${personName}"]`);
    await row.getByTestId('edit-member').click();
    const dialog = page.getByTestId('membership-form');
    await dialog.waitFor({ state: 'visible' });
    await change(dialog);
    await dialog.getByTestId('membership-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('save-message').waitFor({ state: 'visible' });
    await page.locator('[data-testid="steering-group-page"][data-busy="false"]').waitFor();
  }

  it('shows the steering groups and updates the composition checks after editing a membership', async () => {
    await openLoggedIn();
    try {
      await page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Styringsgrupper' })
        .click();
      await page.waitForURL(`${suite.server.url}/styringsgrupper`);
      const groupRows = page.getByTestId('steering-group-row');
      await groupRows.nth(10).waitFor();
      expect(await groupRows.count()).toBe(11);

      await page.getByRole('link', { name: 'Styringsgruppe KIR', exact: true }).click();
      await page.getByTestId('members-table').waitFor();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Styringsgruppe KIR');

      // The demo's untrained KIR member (Helse Vest).
      const member = page
        .locator('[data-testid="member-row"][data-active="true"]')
        .filter({ has: page.getByTestId('member-training').getByText('Ikke fullført', { exact: true }) })
        .first();
      await member.waitFor();
      const personName = await member.getAttribute('data-person-name');
      expect(personName).toBeTruthy();
      const name = personName!;
      const trainingWarning = page
        .getByTestId('composition-checks')
        .getByTestId('check-item')
        .filter({ hasText: `${name} har ikke fullført opplæringen` });
      const memberRow = page.locator(`[data-testid="member-row"][data-person-name="${name}"]`);

      // Without the course the member is flagged, and the warning marks the member's row; the membership
      // form has no training date to type: the approval is the person's, from the six modules.
      await trainingWarning.waitFor({ state: 'visible' });
      expect(await trainingWarning.getAttribute('data-level')).toBe('warning');
      expect(await memberRow.getAttribute('data-check-level')).not.toBe('none');
      await editMembership(name, async (dialog) => {
        await expect(dialog.getByTestId('membership-training').textContent()).resolves.toContain(
          'alle seks modulene',
        );
        expect(await dialog.locator('input[type="date"]#membership-training').count()).toBe(0);
      });

      // The secretariat records the six modules (a day in the past; never in the future): the warning goes.
      const kir = (
        (await (await page.request.get(`${suite.server.url}/api/steering-groups`)).json()) as Array<{
          id: string;
          code: string;
        }>
      ).find((g) => g.code === 'KIR')!;
      const members = (await (
        await page.request.get(`${suite.server.url}/api/steering-groups/${kir.id}/members`)
      ).json()) as Array<{ personId: string; personName: string }>;
      const personId = members.find((m) => m.personName === name)!.personId;
      const record = (module: number, completedOn: string) =>
        page.request.post(`${suite.server.url}/api/people/${personId}/training/modules/${module}/complete`, {
          data: { completedOn },
        });
      expect((await record(1, '2099-01-01')).status()).toBe(400);
      for (const module of [1, 2, 3, 4, 5, 6])
        expect((await record(module, TRAINING_DATE)).status()).toBe(200);
      await page.reload();
      await trainingWarning.waitFor({ state: 'detached' });
      await expect(memberRow.getByTestId('member-training').textContent()).resolves.toBe(TRAINING_DATE_SHOWN);

      // Toggling a competence area is stored as well.
      const competenceBefore = (await memberRow.getByTestId('member-competence').textContent()) ?? '';
      const hadFag = competenceBefore.includes('Fag');
      await editMembership(name, (dialog) =>
        dialog.getByTestId('membership-competence-fag').setChecked(!hadFag),
      );
      const competenceAfter = (await memberRow.getByTestId('member-competence').textContent()) ?? '';
      expect(competenceAfter.includes('Fag')).toBe(!hadFag);

      // The changes come from the server, not from the page's memory.
      await page.reload();
      await memberRow.waitFor();
      await expect(memberRow.getByTestId('member-training').textContent()).resolves.toBe(TRAINING_DATE_SHOWN);
      expect(((await memberRow.getByTestId('member-competence').textContent()) ?? '').includes('Fag')).toBe(
        !hadFag,
      );
      await page.getByTestId('composition-checks').waitFor();
      expect(await trainingWarning.count()).toBe(0);
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('filters the procurement list by steering group', async () => {
    await openLoggedIn();
    try {
      await page.goto(`${suite.server.url}/anskaffelser`);
      const list = page.getByTestId('procurement-list');
      await list.waitFor();
      const allCount = await page.getByTestId('procurement-row').count();

      const groupName = 'Styringsgruppe Bygg og eiendom / Bygg-prosjekt';
      const select = page.getByTestId('filter-steering-group');
      const groupId = await select.locator('option', { hasText: groupName }).getAttribute('value');
      expect(groupId).toBeTruthy();
      await select.selectOption(groupId);
      await page.waitForURL((url) => url.searchParams.get('styringsgruppe') === groupId);
      await page
        .locator(`[data-testid="procurement-list"][data-busy="false"][data-query*="${groupId}"]`)
        .waitFor();

      const rows = page.getByTestId('procurement-row');
      const rowNames = () => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-name')));
      const names = await rowNames();
      const groups = await rows.getByTestId('procurement-steering-group').allTextContents();
      expect(names).toContain('Bilberging og bilglass');
      expect(names).not.toContain('Hjerteventiler');
      expect(names.length).toBeLessThan(allCount);
      expect(new Set(groups)).toEqual(new Set([groupName]));

      // The filter lives in the URL: a reload keeps it.
      await page.reload();
      await page
        .locator(`[data-testid="procurement-list"][data-busy="false"][data-query*="${groupId}"]`)
        .waitFor();
      expect(await rowNames()).toEqual(names);

      await rows.first().getByTestId('procurement-steering-group').getByRole('link').click();
      await page.waitForURL(`${suite.server.url}/styringsgrupper/${groupId}`);
      await page.getByTestId('members-table').waitFor();
      await page.getByTestId('group-procurements').getByText('Bilberging og bilglass').waitFor();
      await mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/steering-group.png', fullPage: true });
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
