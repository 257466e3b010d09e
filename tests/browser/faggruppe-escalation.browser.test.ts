// An unresolved faggruppe matter in the browser (issue 9 item 6, seed 001 Vedlegg 01 §7.3): the leder
// anskaffelse raises it from the procurement page; the case page refuses the line until the group's 14 days have
// passed; two weeks later (the server's clock moved on) the leder escalates it in the line to Sykehusinnkjøp, the
// secretariat takes it on to the RHFs for the line (no user has the role shiLine in the demo), and Helse Vest's
// contact answers for the RHF.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/shared/calendar-date.js';
import { clockStartingAt, osloDay, osloInstant, type Clock } from '../../src/shared/clock.js';
import { useBrowserSuite } from '../support/browser.js';
import { TEST_TODAY } from '../support/databases.js';

const DAY_MS = 86_400_000;

/** The test server's clock: runs from 10:00 in Oslo on TEST_TODAY, and can be moved on by whole days. */
function movableClock(): Clock & { moveOn(days: number): void } {
  const base = clockStartingAt(osloInstant(TEST_TODAY, '10:00'));
  let extra = 0;
  const now = () => new Date(base.now().getTime() + extra);
  return {
    now,
    today: () => osloDay(now()),
    moveOn: (days) => {
      extra += days * DAY_MS;
    },
  };
}

const shown = (day: string) => day.split('-').reverse().join('.');

describe('unresolved faggruppe matter in the browser', () => {
  const clock = movableClock();
  const suite = useBrowserSuite({ clock });
  /** A fresh browser context logged in now (its clock is the server's). */
  const as = (username: string) => suite.as(username);

  async function openCase(page: Page, caseId: string) {
    await page.goto(`${suite.server.url}/saker/${caseId}`);
    await page.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
  }

  it('raises the matter, waits out the group, escalates it up the line and on to the RHFs', async () => {
    const secretariat = await as('sekretariat');
    const organisations: Array<{ id: string; code: string; kind: string; rhfId: string | null }> = await (
      await secretariat.request.get(`${suite.server.url}/api/organisations`)
    ).json();
    const rhfId = (code: string) => organisations.find((org) => org.kind === 'RHF' && org.code === code)!.id;
    const firstHf = (code: string) =>
      organisations.find((org) => org.kind === 'HF' && org.rhfId === rhfId(code))!.id;
    const leader = await as('leder');
    const me: { personId: string } = await (
      await leader.request.get(`${suite.server.url}/api/auth/me`)
    ).json();
    const created = await secretariat.request.post(`${suite.server.url}/api/procurements`, {
      data: {
        name: 'Sterilt forbruksmateriell 2026',
        categoryCode: 'KIR',
        participatingHfIds: [firstHf('HN'), firstHf('HV'), firstHf('HSO')],
        procurementLeadId: me.personId,
      },
    });
    expect(created.status()).toBe(201);
    const procurementId = ((await created.json()) as { id: string }).id;

    // The leder anskaffelse raises the matter from the procurement page.
    await leader.goto(`${suite.server.url}/anskaffelser/${procurementId}`);
    await leader.locator('[data-testid="governance-panel"][data-busy="false"]').waitFor();
    await leader.getByTestId('new-faggruppe-matter').click();
    const form = leader.getByTestId('faggruppe-matter-form');
    await form.waitFor({ state: 'visible' });
    await expect(form.textContent()).resolves.toContain('har 14 dager på det');
    // Without a title the form says what is missing, in Norwegian.
    await form.getByTestId('faggruppe-matter-submit').click();
    await form.getByTestId('faggruppe-matter-error').waitFor();
    await form.getByTestId('faggruppe-matter-title').fill('Uenighet om krav til steril emballasje');
    await form
      .getByTestId('faggruppe-matter-text')
      .fill('Faggruppen er uenig om emballasjekravet og kommer ikke videre uten styringsgruppen.');
    await form.getByTestId('faggruppe-matter-submit').click();
    await leader.waitForURL(/\/saker\/[0-9a-f-]{36}$/);
    await leader.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
    const caseId = new URL(leader.url()).pathname.split('/').pop()!;
    const escalableFrom = addDays(TEST_TODAY, 14);
    const section = leader.getByTestId('faggruppe-matter');
    await expect(section.getByTestId('faggruppe-step-raised').textContent()).resolves.toContain(
      `${shown(TEST_TODAY)} av Leif Anskaffelsesen`,
    );
    await expect(section.getByTestId('faggruppe-line-blocked').textContent()).resolves.toContain(
      `kan eskaleres i linjen fra ${shown(escalableFrom)}`,
    );
    expect(await section.getByTestId('line-escalation-form').count()).toBe(0);

    // Two weeks on, the group has not handled it: the leder escalates it in the line.
    clock.moveOn(14);
    const leaderLater = await as('leder');
    await openCase(leaderLater, caseId);
    const escalation = leaderLater.getByTestId('line-escalation-form');
    await escalation.getByTestId('line-escalation-reason').fill('Styringsgruppen har ikke behandlet saken.');
    await escalation.getByTestId('line-escalation-form-submit').click();
    await leaderLater.locator('[data-testid="case-status"][data-status="lineEscalated"]').waitFor();
    await expect(leaderLater.getByTestId('faggruppe-step-line').textContent()).resolves.toContain(
      `${shown(escalableFrom)} av Leif Anskaffelsesen`,
    );
    await expect(leaderLater.getByTestId('faggruppe-waiting-line').textContent()).resolves.toContain(
      'porteføljesekretariatet',
    );

    // The secretariat acts for the line and takes it to the RHFs with an orientation and a recommendation.
    const secretariatLater = await as('sekretariat');
    await openCase(secretariatLater, caseId);
    const referral = secretariatLater.getByTestId('rhf-referral-form');
    await referral
      .getByTestId('rhf-referral-brief')
      .fill('Faggruppen og styringsgruppen har ikke avklart emballasjekravet.');
    await referral
      .getByTestId('rhf-referral-recommendation')
      .fill('Sykehusinnkjøp anbefaler kravet som tildelingskriterium.');
    await referral.getByTestId('rhf-referral-form-submit').click();
    await secretariatLater.locator('[data-testid="case-status"][data-status="escalated"]').waitFor();
    await expect(secretariatLater.getByTestId('faggruppe-step-rhfs').textContent()).resolves.toContain(
      'porteføljesekretariatet på vegne av linjen',
    );
    await expect(secretariatLater.getByTestId('escalation-section').textContent()).resolves.toContain(
      'Orientering fra Sykehusinnkjøp',
    );

    // Helse Vest's contact is told and answers for the RHF on the case page.
    const contact = await as('kontakt');
    const inbox: Array<{ title: string; link: string }> = (
      (await (await contact.request.get(`${suite.server.url}/api/my/notifications`)).json()) as {
        items: Array<{ title: string; link: string }>;
      }
    ).items;
    expect(
      inbox.some((n) => n.link === `/saker/${caseId}` && n.title.startsWith('Eskalert til RHF-ene')),
    ).toBe(true);
    await openCase(contact, caseId);
    const answer = contact.getByTestId('rhf-answer-form');
    await answer.locator('textarea').fill('Helse Vest støtter anbefalingen.');
    await answer.getByTestId('rhf-answer-form-submit').click();
    await contact.getByTestId('save-message').waitFor();
    // The message shows before the case is read again; wait for the answer itself, not for a moment.
    await contact.getByTestId('rhf-answers').getByText('Helse Vest støtter anbefalingen.').waitFor();
  });
});
