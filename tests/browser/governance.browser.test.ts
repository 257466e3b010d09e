// One high-significance procurement from plan to award in the browser (issue 3): a flerregional KIR
// procurement with HFs of Helse Nord, Helse Vest and Helse Sør-Øst, so three members decide and the Helse
// Midt-Norge member only observes; the significance, plan, tender approval and award cases are decided by
// consensus, the tender preparation is a consultation, and on the award the Helse Vest member reports a possible
// conflict: a habilitet question that Helse Vest's contact decides (ikke inhabil) before the member votes.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { riskParameters } from '../../src/domain/risk.rules.js';
import { screenshot, useBrowserSuite } from '../support/browser.js';
import { TEST_TODAY } from '../support/databases.js';

/** The three deciding members (Helse Vest, Helse Nord, Helse Sør-Øst) and the observer (Helse Midt-Norge). */
const DECIDING = ['medlem', 'kir-hn', 'kir-hso'] as const;
const OBSERVER = 'kir-hmn';
const CONFLICTED = 'medlem';
/** Helse Vest's contact person decides the Helse Vest member's habilitet (seed 001 §7.2). */
const RHF_CONTACT = 'kontakt';
/** The test server's clock day as the pages show it (dd.mm.yyyy): decisions show the clock's day. */
const TEST_TODAY_SHOWN = TEST_TODAY.split('-').reverse().join('.');

describe('governance workflow in the browser', () => {
  const suite = useBrowserSuite();
  const sessions = new Map<string, Page>();

  /** One browser context per user, logged in through the login page. */
  async function as(username: string): Promise<Page> {
    const existing = sessions.get(username);
    if (existing) return existing;
    const page = await suite.as(username);
    await expect(page.getByTestId('current-user').textContent()).resolves.not.toBe('');
    sessions.set(username, page);
    return page;
  }

  async function openProcurement(page: Page, procurementId: string) {
    await page.goto(`${suite.server.url}/anskaffelser/${procurementId}`);
    await page.locator('[data-testid="governance-panel"][data-busy="false"]').waitFor();
  }

  async function openCase(page: Page, caseId: string) {
    await page.goto(`${suite.server.url}/saker/${caseId}`);
    await page.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
  }

  /** Submits a case at a gate through the form on the procurement page; returns the new case's id. */
  async function submitCaseAt(
    page: Page,
    procurementId: string,
    gate: string,
    title: string,
    fill?: (page: Page) => Promise<void>,
  ): Promise<string> {
    await openProcurement(page, procurementId);
    await page.locator(`[data-testid="gate-row"][data-gate="${gate}"]`).getByTestId('gate-new-case').click();
    const dialog = page.getByTestId('case-form');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByTestId('case-gate').inputValue()).toBe(gate);
    await dialog.getByTestId('case-title').fill(title);
    await dialog.getByTestId('case-text').fill(`${title}. Saksframstilling fra leder anskaffelse.`);
    await fill?.(page);
    await dialog.getByTestId('case-submit').click();
    await page.waitForURL(/\/saker\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
    await page.getByTestId('save-message').waitFor();
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  /** Answers "ingen kjent konflikt" first where the member has not answered, then votes. */
  async function vote(username: string, caseId: string, choice: 'approve', comment = '') {
    const page = await as(username);
    await openCase(page, caseId);
    if ((await page.locator('[data-testid="habilitet-panel"][data-state="unanswered"]').count()) > 0) {
      await page.getByTestId('habilitet-no-conflict').click();
      await page.locator('[data-testid="habilitet-panel"][data-state="noKnownConflict"]').waitFor();
    }
    if (comment) await page.getByTestId('vote-comment').fill(comment);
    await page.getByTestId('vote-approve').click();
    await page.locator(`[data-testid="my-vote"][data-vote="${choice}"]`).waitFor();
  }

  async function passGate(page: Page, procurementId: string, gate: string) {
    await openProcurement(page, procurementId);
    const row = page.locator(`[data-testid="gate-row"][data-gate="${gate}"]`);
    await row.getByTestId('pass-gate').click();
    const dialog = page.getByTestId('pass-gate-form');
    await dialog.getByTestId('pass-gate-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`[data-testid="gate-row"][data-gate="${gate}"][data-status="passed"]`).waitFor();
  }

  async function expectDecided(page: Page, caseId: string): Promise<string> {
    await openCase(page, caseId);
    await page.locator('[data-testid="case-status"][data-status="approved"]').waitFor();
    const number = (await page.getByTestId('decision-number').textContent()) ?? '';
    expect(number).toMatch(/^Vedtak KIR-\d{4}-\d{2}$/);
    return number.replace('Vedtak ', '');
  }

  it('plays a høy procurement from plan to award with three deciding members; Helse Vest decides a habilitet question', async () => {
    const secretariat = await as('sekretariat');

    // Setup over the API: a flerregional KIR procurement with HFs of Helse Nord, Helse Vest and Helse Sør-Øst.
    const organisations: Array<{ id: string; code: string; kind: string; rhfId: string | null }> = await (
      await secretariat.request.get(`${suite.server.url}/api/organisations`)
    ).json();
    const rhfId = (code: string) => organisations.find((org) => org.kind === 'RHF' && org.code === code)!.id;
    const firstHf = (code: string) =>
      organisations.find((org) => org.kind === 'HF' && org.rhfId === rhfId(code))!.id;
    const created = await secretariat.request.post(`${suite.server.url}/api/procurements`, {
      data: {
        name: 'Ortopediske implantater 2026',
        description: 'Nasjonal avtale for hofte- og kneimplantater',
        categoryCode: 'KIR',
        participatingHfIds: [firstHf('HN'), firstHf('HV'), firstHf('HSO')],
        contractValueNok: '350000000',
        status: 'planned',
      },
    });
    expect(created.status()).toBe(201);
    const procurementId = ((await created.json()) as { id: string }).id;

    // The procurement page: flerregional, routed to KIR, and the next step is the risk assessment.
    await openProcurement(secretariat, procurementId);
    expect(await secretariat.getByTestId('gov-level').getAttribute('data-level')).toBe('flerregional');
    await expect(secretariat.getByTestId('procurement-routing').textContent()).resolves.toContain(
      'Styringsgruppe KIR',
    );
    await expect(secretariat.getByTestId('next-actions').textContent()).resolves.toContain('risikoprofilen');

    // Risk assessment through the form: all 15 parameters scored 4 → høy.
    await secretariat.getByTestId('assess-risk').click();
    const riskForm = secretariat.getByTestId('risk-form');
    await riskForm.waitFor({ state: 'visible' });
    for (const parameter of riskParameters) {
      await riskForm.getByTestId(`risk-score-${parameter.key}`).selectOption('4');
    }
    await expect(riskForm.getByTestId('risk-preview').textContent()).resolves.toContain('Høy');
    await riskForm.getByTestId('risk-save').click();
    await riskForm.waitFor({ state: 'detached' });
    await secretariat.locator('[data-testid="gov-risk-profile"][data-value="høy"]').waitFor();
    expect(await secretariat.getByTestId('gov-significance-recommended').getAttribute('data-value')).toBe(
      'høy',
    );
    const reasons = (await secretariat.getByTestId('significance-reasons').textContent()) ?? '';
    expect(reasons).toContain('200 millioner');
    expect(reasons).toContain('medisinske hovedområdet');
    const involvements = await secretariat
      .getByTestId('gate-row')
      .evaluateAll((rows) =>
        rows.map(
          (row) => `${row.getAttribute('data-gate')}:${row.querySelector('.involvement')?.textContent}`,
        ),
      );
    expect(involvements).toEqual([
      'significance:Beslutte',
      'plan:Beslutte',
      'tenderPreparation:Konsulteres',
      'tenderApproval:Beslutte',
      'award:Beslutte',
    ]);

    // 1. Final strategic significance: proposed høy, approved by the three deciding members.
    const significanceCase = await submitCaseAt(
      secretariat,
      procurementId,
      'significance',
      'Endelig strategisk betydning',
      async (page) => {
        await page.getByTestId('case-proposed-høy').check();
      },
    );
    // The member sees it waiting on the home page.
    const medlem = await as('medlem');
    await medlem.goto(`${suite.server.url}/`);
    await medlem.locator(`[data-testid="my-case"][data-case-id="${significanceCase}"]`).waitFor();
    await medlem
      .getByTestId('notifications')
      // exact: the living demo's own «… betydning for ablasjon» is in medlem's inbox too.
      .getByText('Ny sak venter på deg: Endelig strategisk betydning', { exact: true })
      .waitFor();
    for (const username of DECIDING) await vote(username, significanceCase, 'approve');
    const decisions = [await expectDecided(secretariat, significanceCase)];
    await passGate(secretariat, procurementId, 'significance');
    expect(await secretariat.getByTestId('gov-significance-final').getAttribute('data-value')).toBe('høy');

    // 2. Procurement plan.
    const planCase = await submitCaseAt(secretariat, procurementId, 'plan', 'Plan for anskaffelsen');
    for (const username of DECIDING) await vote(username, planCase, 'approve');
    decisions.push(await expectDecided(secretariat, planCase));
    await passGate(secretariat, procurementId, 'plan');

    // 3. Tender preparation: the group is consulted; a member gives advice, the consultation is recorded.
    const consultation = await submitCaseAt(
      secretariat,
      procurementId,
      'tenderPreparation',
      'Utkast til konkurransegrunnlag',
    );
    await vote('medlem', consultation, 'approve', 'Vektlegg leveringssikkerhet i tildelingskriteriene.');
    await openCase(secretariat, consultation);
    await secretariat.getByTestId('consultation-summary').fill('Gruppen ber om vekt på leveringssikkerhet.');
    await secretariat.getByTestId('consultation-form-submit').click();
    await secretariat.locator('[data-testid="case-status"][data-status="consulted"]').waitFor();
    await passGate(secretariat, procurementId, 'tenderPreparation');

    // 4. Tender documents before announcement.
    const tenderCase = await submitCaseAt(
      secretariat,
      procurementId,
      'tenderApproval',
      'Godkjenning av konkurransegrunnlag',
    );
    for (const username of DECIDING) await vote(username, tenderCase, 'approve');
    decisions.push(await expectDecided(secretariat, tenderCase));
    await passGate(secretariat, procurementId, 'tenderApproval');

    // 5. Award, with a restricted evaluation report (unntatt offentlighet) and a public summary.
    const awardCase = await submitCaseAt(
      secretariat,
      procurementId,
      'award',
      'Tildeling av avtale',
      async (page) => {
        await page.getByTestId('document-input').setInputFiles([
          {
            name: 'tilbudsevaluering.pdf',
            mimeType: 'application/pdf',
            buffer: Buffer.from('%PDF-1.4\n% Tilbudsevaluering (unntatt offentlighet)\n'),
          },
          {
            name: 'sammendrag.txt',
            mimeType: 'text/plain',
            buffer: Buffer.from('Sammendrag av tildelingen'),
          },
        ]);
        await page
          .locator('[data-testid="picked-document"][data-file-name="tilbudsevaluering.pdf"]')
          .getByTestId('document-legal-basis')
          .selectOption('offl23third');
      },
    );
    await secretariat
      .locator(
        '[data-testid="case-document"][data-file-name="tilbudsevaluering.pdf"][data-restricted="true"]',
      )
      .getByText('Unntatt offentlighet')
      .waitFor();
    await expect(
      secretariat
        .locator('[data-testid="case-document"][data-file-name="tilbudsevaluering.pdf"]')
        .getByTestId('case-document-basis')
        .textContent(),
    ).resolves.toBe('Offl. § 23 tredje ledd');

    // The Helse Midt-Norge member observes: cannot vote, and is listed as not deciding.
    const observer = await as(OBSERVER);
    await openCase(observer, awardCase);
    await expect(observer.getByTestId('cannot-vote').textContent()).resolves.toContain(
      'regionen deltar ikke',
    );
    expect(await observer.getByTestId('vote-approve').count()).toBe(0);
    expect(
      await observer.locator('[data-testid="excluded-member"][data-reason="otherRegion"]').count(),
    ).toBeGreaterThan(0);

    // The Helse Vest member reports a possible conflict: a habilitet question for Helse Vest. From now until
    // Helse Vest decides, no vote and no restricted document; a vote cannot take it back.
    const conflicted = await as(CONFLICTED);
    await openCase(conflicted, awardCase);
    await conflicted.getByTestId('habilitet-report-form').locator('summary').click();
    await conflicted.getByTestId('habilitet-reason').fill('Nær familie er ansatt hos en av tilbyderne.');
    await conflicted.getByTestId('habilitet-report').click();
    await conflicted.locator('[data-testid="habilitet-panel"][data-state="reported"]').waitFor();
    await conflicted.getByTestId('conflicted-notice').waitFor();
    expect(await conflicted.getByTestId('vote-approve').count()).toBe(0);
    const restrictedRow = conflicted.locator(
      '[data-testid="case-document"][data-file-name="tilbudsevaluering.pdf"]',
    );
    await expect(restrictedRow.getByTestId('document-no-access').textContent()).resolves.toContain(
      'venter på RHF-ets avgjørelse',
    );
    expect(await restrictedRow.getByTestId('document-link').count()).toBe(0);
    expect(
      await conflicted
        .locator('[data-testid="case-document"][data-file-name="sammendrag.txt"]')
        .getByTestId('document-link')
        .count(),
    ).toBe(1);
    const caseForConflicted = await (
      await conflicted.request.get(`${suite.server.url}/api/cases/${awardCase}`)
    ).json();
    const restrictedDocument = (caseForConflicted.documents as Array<{ id: string; fileName: string }>).find(
      (document) => document.fileName === 'tilbudsevaluering.pdf',
    )!;
    const documentUrl = `${suite.server.url}/api/cases/${awardCase}/documents/${restrictedDocument.id}`;
    expect((await conflicted.request.get(documentUrl)).status()).toBe(403);
    const voteAnyway = await conflicted.request.post(`${suite.server.url}/api/cases/${awardCase}/votes`, {
      data: { vote: 'approve', comment: null },
    });
    expect(voteAnyway.status()).toBe(403);
    expect((await conflicted.request.get(documentUrl)).status()).toBe(403);
    const conflictedName = (caseForConflicted.habilitet.questions as Array<{ personName: string }>)[0]!
      .personName;

    // The other two approve; the case waits, because Helse Vest has nobody who can decide yet.
    for (const username of DECIDING.filter((name) => name !== CONFLICTED))
      await vote(username, awardCase, 'approve');
    await openCase(secretariat, awardCase);
    await secretariat.getByTestId('not-quorate').waitFor();
    await expect(secretariat.getByTestId('not-quorate').textContent()).resolves.toContain('Helse Vest');
    expect((await (await as('kir-hn')).request.get(documentUrl)).status()).toBe(200);

    // Helse Vest's contact finds the habilitet question in the inbox and decides: ikke inhabil, with a reason.
    const contact = await as(RHF_CONTACT);
    await contact.goto(`${suite.server.url}/habilitet`);
    // This case's question (the living demo has one of its own in LAB for Helse Vest).
    await contact
      .locator('[data-testid="pending-question"]')
      .filter({ hasText: conflictedName })
      .getByRole('link', { name: 'Tildeling av avtale' })
      .click();
    await contact.locator('[data-testid="case-page"][data-busy="false"]').waitFor();
    const question = contact.locator(
      `[data-testid="habilitet-question"][data-person-name="${conflictedName}"]`,
    );
    await question.getByTestId('habilitet-outcome-ikke-inhabil').check();
    await question
      .getByTestId('habilitet-decision-reason')
      .fill('Familiemedlemmet arbeider ikke med tilbudet eller anskaffelsen.');
    await question.getByTestId('habilitet-decide').click();
    await contact
      .locator(
        `[data-testid="habilitet-question"][data-person-name="${conflictedName}"][data-status="ikkeInhabil"]`,
      )
      .waitFor();
    await expect(
      contact.locator('[data-testid="habilitet-question"]').getByTestId('habilitet-decided-by').textContent(),
    ).resolves.toMatch(new RegExp(`Kristian Kontaktmo.* ${TEST_TODAY_SHOWN}`));

    // Now the member reads the restricted document and votes; the case is decided.
    expect((await conflicted.request.get(documentUrl)).status()).toBe(200);
    await vote(CONFLICTED, awardCase, 'approve');
    decisions.push(await expectDecided(secretariat, awardCase));
    await expect(
      secretariat
        .locator(`[data-testid="eligible-member"][data-person-name="${conflictedName}"]`)
        .getAttribute('data-habilitet'),
    ).resolves.toBe('ikkeInhabil');
    await openCase(conflicted, awardCase);
    await conflicted.locator('[data-testid="case-status"][data-status="approved"]').waitFor();
    await screenshot(conflicted, 'governance-case');

    await passGate(secretariat, procurementId, 'award');
    await secretariat.locator('[data-testid="gov-phase"][data-phase="implementation"]').waitFor();
    await expect(secretariat.getByTestId('gov-phase').textContent()).resolves.toContain('Implementering');
    await screenshot(secretariat, 'governance-procurement');

    // The decision register of the group lists the four decisions, with the conflict named on the award.
    expect(new Set(decisions).size).toBe(4);
    await secretariat.getByTestId('procurement-routing').getByRole('link').click();
    await secretariat.getByTestId('decision-register').waitFor();
    const numbers = await secretariat
      .getByTestId('decision-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number')));
    // First the living demo's decision on the ablasjon significance (features/seed/demo-cases.ts), then these.
    expect(numbers).toEqual(['KIR-2026-01', ...decisions]);
    const awardRow = secretariat.locator(`[data-testid="decision-row"][data-number="${decisions[3]}"]`);
    await expect(awardRow.getByTestId('decision-conflicts').textContent()).resolves.toBe('Ingen inhabile');
    await expect(awardRow.getByTestId('decision-habilitet').textContent()).resolves.toContain(
      `${conflictedName}: ikke inhabil – avgjort av Kristian Kontaktmo`,
    );
    await expect(awardRow.textContent()).resolves.toContain('Tildeling av avtale');
  }, 300_000);
});
