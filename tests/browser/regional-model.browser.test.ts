// A Helse Nord regional procurement in the browser (issue 13, seed 000): Strategisk innkjøpsforum gives the
// decisions to the anskaffelsesstyre, the board approves the project plan and the tender documents, and a
// disagreement in Innkjøpsforum goes to the Direktørmøte, whose leader answers and settles it. Cases are
// submitted, one vote per case cast, escalated and resolved on the pages; the other members vote over the API.
// Then Innkjøpsforum decides a matter that is no procurement from its body page, and a board dissent travels the
// chain Anskaffelsesstyre → Strategisk innkjøpsforum → Direktørmøte, which settles it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSuite } from '../support/browser.js';

const hfShort = ['unn', 'nlsh', 'fin', 'hsyk', 'sano', 'hnikt'];

describe('Helse Nord regional model in the browser', () => {
  const suite = useBrowserSuite();
  const as = (username: string) => suite.as(username);

  /** Votes over the API as a member (a context of its own, logged in over the API). */
  async function apiVote(
    username: string,
    caseId: string,
    vote: 'approve' | 'object',
    comment: string | null = null,
  ) {
    const context = await suite.browser.newContext();
    try {
      const login = await context.request.post(`${suite.server.url}/api/auth/login`, {
        data: { username, password: 'demo' },
      });
      expect(login.ok()).toBe(true);
      const response = await context.request.post(`${suite.server.url}/api/cases/${caseId}/votes`, {
        data: { vote, comment },
      });
      expect(response.ok(), await response.text()).toBe(true);
    } finally {
      await context.close();
    }
  }

  async function openProcurement(page: Page, id: string) {
    await page.goto(`${suite.server.url}/anskaffelser/${id}`);
    await page.locator('[data-testid="regional-governance"][data-busy="false"]').waitFor();
  }

  async function openCase(page: Page, caseId: string) {
    await page.goto(`${suite.server.url}/saker/${caseId}`);
    await page.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
  }

  /** Fills the procurement page's case form and returns the new case's id from the gate or case list. */
  async function submitOnPage(
    page: Page,
    fields: { subject?: string; proposed?: string; decisionType?: string; title: string },
  ) {
    const form = page.getByTestId('body-case-form');
    if (fields.subject) await form.getByLabel('Sak', { exact: true }).selectOption({ label: fields.subject });
    if (fields.proposed)
      await form
        .getByLabel('Hvem skal fatte beslutningene i anskaffelsen?')
        .selectOption({ label: fields.proposed });
    if (fields.decisionType)
      await form.getByLabel('Beslutningstype i mandatet').selectOption({ label: fields.decisionType });
    await form.getByLabel('Tittel').fill(fields.title);
    await form.getByLabel('Saksframstilling').fill(`${fields.title}: saksframstilling fra sekretariatet.`);
    await page.getByTestId('body-case-form-submit').click();
    const link = page.getByTestId('regional-cases').getByRole('link', { name: fields.title });
    await link.waitFor();
    return (await link.getAttribute('href'))!.split('/').pop()!;
  }

  /** One member votes on the case page (answering habilitet first), the rest over the API. */
  async function decide(prefix: string, caseId: string) {
    const page = await as(`${prefix}-unn`);
    await openCase(page, caseId);
    if ((await page.locator('[data-testid="habilitet-panel"][data-state="unanswered"]').count()) > 0) {
      await page.getByTestId('habilitet-no-conflict').click();
      await page.locator('[data-testid="habilitet-panel"][data-state="noKnownConflict"]').waitFor();
    }
    await page.getByTestId('vote-approve').click();
    await page.locator('[data-testid="my-vote"][data-vote="approve"]').waitFor();
    for (const short of hfShort.slice(1)) await apiVote(`${prefix}-${short}`, caseId, 'approve');
  }

  it('plays a regional procurement through the Helse Nord model', async () => {
    const secretariat = await as('sekretariat');
    const organisations: Array<{ id: string; code: string; kind: string; rhfId: string | null }> = await (
      await secretariat.request.get(`${suite.server.url}/api/organisations`)
    ).json();
    const hn = organisations.find((org) => org.code === 'HN')!;
    const created = await secretariat.request.post(`${suite.server.url}/api/procurements`, {
      data: {
        name: 'Regional avtale sårbehandling 2026',
        categoryCode: 'BHM',
        participatingHfIds: organisations
          .filter((org) => org.kind === 'HF' && org.rhfId === hn.id)
          .map((o) => o.id),
      },
    });
    expect(created.status()).toBe(201);
    const procurementId = ((await created.json()) as { id: string }).id;

    // The model page shows the bodies, the members' HFs and the escalation chain.
    await secretariat.goto(`${suite.server.url}/regional-modell/HN`);
    await secretariat.locator('[data-testid="governance-model-page"][data-busy="false"]').waitFor();
    const forum = secretariat.getByTestId('model-body').filter({ hasText: 'Innkjøpsforum (Innkjøpsforum)' });
    await expect.poll(() => forum.getByTestId('escalation-chain').textContent()).toBe('Direktørmøte');

    // 1. Strategisk innkjøpsforum decides the decision level: the anskaffelsesstyre.
    await openProcurement(secretariat, procurementId);
    const levelCase = await submitOnPage(secretariat, {
      proposed: 'Anskaffelsesstyre Helse Nord',
      title: 'Beslutningsnivå: anskaffelsesstyret',
    });
    await decide('sif', levelCase);
    await openProcurement(secretariat, procurementId);
    await expect
      .poll(() => secretariat.getByTestId('regional-gate-projectPlan').textContent())
      .toContain('Anskaffelsesstyre Helse Nord');
    expect(await secretariat.getByTestId('regional-gate-decisionLevel').textContent()).toContain('Besluttet');

    // 2. The board approves the project plan and the tender documents.
    const planCase = await submitOnPage(secretariat, { title: 'Prosjektplan sårbehandling' });
    await decide('innkjop', planCase);
    await openProcurement(secretariat, procurementId);
    const tenderCase = await submitOnPage(secretariat, { title: 'Konkurransedokumenter sårbehandling' });
    await decide('innkjop', tenderCase);
    await openProcurement(secretariat, procurementId);
    await expect
      .poll(() => secretariat.getByTestId('regional-gate-tenderDocuments').textContent())
      .toContain('Besluttet');

    // 3. Innkjøpsforum disagrees on the implementation routine; its leader escalates to the Direktørmøte.
    const leader = await as('innkjop-unn');
    await openProcurement(leader, procurementId);
    const forumCase = await submitOnPage(leader, {
      subject: 'Sak til Innkjøpsforum',
      decisionType: 'Følge opp implementering av avtaler',
      title: 'Felles rutine for implementering',
    });
    for (const short of ['nlsh', 'hsyk', 'sano', 'hnikt'])
      await apiVote(`innkjop-${short}`, forumCase, 'approve');
    await apiVote('innkjop-fin', forumCase, 'object', 'Rutinen passer ikke lageret i Finnmark.');
    await openCase(leader, forumCase);
    const escalate = leader.getByTestId('escalate-form');
    await expect.poll(() => escalate.locator('h3').textContent()).toBe('Eskaler til Direktørmøte');
    await leader.getByTestId('escalate-brief').fill('Finnmarkssykehuset er uenig i den felles rutinen.');
    await leader.getByTestId('escalate-recommendation').fill('Innføre rutinen med tilpasning for Finnmark.');
    await leader.getByTestId('escalate-form-submit').click();
    await leader.getByTestId('escalation-section').waitFor();
    expect(await leader.locator('#escalation-heading').textContent()).toBe('Eskalering til Direktørmøte');

    // 4. The Direktørmøte's leader answers and settles it.
    const director = await as('dm-hn');
    await openCase(director, forumCase);
    const answer = director.getByTestId('rhf-answer-form');
    await answer.locator('textarea').fill('Direktørmøtet støtter rutinen med tilpasning for Finnmark.');
    await director.getByTestId('rhf-answer-form-submit').click();
    await director.getByTestId('save-message').waitFor();
    await openCase(director, forumCase);
    await director.getByTestId('rhf-answers').getByText('Direktørmøtet støtter rutinen').waitFor();
    const resolution = director.getByTestId('resolution-form');
    await resolution.getByLabel('Godkjent').check();
    await resolution.locator('#resolution-text').fill('Rutinen innføres; Finnmark får tre måneder ekstra.');
    await director.getByTestId('resolution-form-submit').click();
    await director.getByTestId('resolution').waitFor();
    expect(await director.getByTestId('resolution').textContent()).toContain(
      'Finnmark får tre måneder ekstra',
    );
    const settled: { status: string; decisionNumber: string | null } = await (
      await director.request.get(`${suite.server.url}/api/cases/${forumCase}`)
    ).json();
    expect(settled).toMatchObject({
      status: 'resolved',
      decisionNumber: expect.stringMatching(/^HN-IF-\d{4}-01$/),
    });

    // 5. A matter that is no procurement: Innkjøpsforum's leader puts the category distribution from the body's
    // page (kind, escalation target, mandate and the HF each member represents shown there), the forum decides
    // it, and its decision register lists it without a procurement.
    const model: { bodies: Array<{ id: string; code: string }> } = await (
      await leader.request.get(`${suite.server.url}/api/governance-models/HN`)
    ).json();
    const forumId = model.bodies.find((b) => b.code === 'HN-IF')!.id;
    await leader.goto(`${suite.server.url}/styringsgrupper/${forumId}`);
    await leader.locator('[data-testid="steering-group-page"][data-busy="false"]').waitFor();
    const panel = leader.getByTestId('body-panel');
    expect(await panel.getByTestId('body-kind').textContent()).toBe('Innkjøpsforum');
    expect(await panel.getByTestId('body-escalation-target').textContent()).toBe('Direktørmøte');
    await panel.getByTestId('body-mandates').getByText('Fordele kategoriansvar', { exact: false }).waitFor();
    expect(await leader.getByTestId('member-represents').allTextContents()).toContain(
      'Finnmarkssykehuset HF',
    );
    const matter = leader.getByTestId('body-matter-form');
    await matter.getByLabel('Beslutningstype i mandatet').selectOption('distributeCategoryResponsibility');
    await matter.getByLabel('Tittel').fill('Fordeling av kategoriansvar');
    await matter.getByLabel('Saksframstilling').fill('Kategoriene fordeles mellom helseforetakene.');
    await leader.getByTestId('body-matter-form-submit').click();
    await leader.waitForURL(/\/saker\/[0-9a-f-]{36}$/);
    const matterCase = leader.url().split('/').pop()!;
    await leader.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
    expect(await leader.locator('nav.breadcrumbs').textContent()).toContain('Innkjøpsforum');
    for (const short of hfShort) await apiVote(`innkjop-${short}`, matterCase, 'approve');
    await leader.goto(`${suite.server.url}/styringsgrupper/${forumId}`);
    const row = leader.getByTestId('decision-row').filter({ hasText: 'Fordeling av kategoriansvar' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Uten anskaffelse');

    // 6. An escalation chain: the board disagrees on the recommended supplier and escalates to Strategisk
    // innkjøpsforum; the forum cannot settle it either, and its leader takes it on to the Direktørmøte.
    await openProcurement(secretariat, procurementId);
    const awardCase = await submitOnPage(secretariat, { title: 'Innstilling sårbehandling' });
    for (const short of ['unn', 'nlsh', 'hsyk', 'sano', 'hnikt'])
      await apiVote(`innkjop-${short}`, awardCase, 'approve');
    await apiVote('innkjop-fin', awardCase, 'object', 'Leverandøren kan ikke levere til Finnmark.');
    const boardLeader = await as('innkjop-nlsh');
    await openCase(boardLeader, awardCase);
    await expect
      .poll(() => boardLeader.getByTestId('escalate-form').locator('h3').textContent())
      .toBe('Eskaler til Strategisk innkjøpsforum');
    await boardLeader.getByTestId('escalate-brief').fill('Finnmarkssykehuset er uenig i innstillingen.');
    await boardLeader.getByTestId('escalate-recommendation').fill('Innstille leverandør A.');
    await boardLeader.getByTestId('escalate-form-submit').click();
    await boardLeader.getByTestId('escalation-section').waitFor();
    const forumLeader = await as('sif-unn');
    await openCase(forumLeader, awardCase);
    await forumLeader.getByTestId('rhf-answer-form').locator('textarea').fill('Forumet er delt.');
    await forumLeader.getByTestId('rhf-answer-form-submit').click();
    await forumLeader.getByTestId('save-message').waitFor();
    await openCase(forumLeader, awardCase);
    const further = forumLeader.getByTestId('escalate-further-form');
    expect(await further.locator('h3').textContent()).toBe('Eskaler videre til Direktørmøte');
    await further
      .getByLabel('Felles notat')
      .fill('Strategisk innkjøpsforum er delt i synet på innstillingen.');
    await further.getByLabel('Anbefaling').fill('Innstille leverandør A med krav om lager i nord.');
    await forumLeader.getByTestId('escalate-further-form-submit').click();
    await expect
      .poll(() => forumLeader.locator('#escalation-heading').textContent())
      .toBe('Eskalering til Direktørmøte');
    await openCase(director, awardCase);
    const step = director.locator('[data-testid="escalation-step"][data-body="Strategisk innkjøpsforum"]');
    expect(await step.textContent()).toContain('Forumet er delt.');
    await director.getByTestId('rhf-answer-form').locator('textarea').fill('Leverandør A, med lager i nord.');
    await director.getByTestId('rhf-answer-form-submit').click();
    await director.getByTestId('save-message').waitFor();
    await openCase(director, awardCase);
    const settle = director.getByTestId('resolution-form');
    await settle.getByLabel('Godkjent').check();
    await settle.locator('#resolution-text').fill('Leverandør A innstilles med krav om lager i nord.');
    await director.getByTestId('resolution-form-submit').click();
    await director.getByTestId('resolution').waitFor();
    await openProcurement(secretariat, procurementId);
    await expect
      .poll(() => secretariat.getByTestId('regional-gate-supplierRecommendation').textContent())
      .toContain('Besluttet');
  }, 360_000);
});
