// Accessibility checks for the browser tests: axe-core (through @axe-core/playwright) with the WCAG 2.1 A and
// AA rules, which is what forskrift om universell utforming av IKT requires of these pages.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Every WCAG 2.1 A/AA violation axe finds on the page as it is now, with the elements it names. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** The violations that block a user (axe's «serious» and «critical»), the ones the suite allows none of. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits until the page has drawn its data: no «Laster …» placeholder and no region marked busy, and the main
 * heading is there.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.loading').length === 0 &&
      document.querySelectorAll('[data-busy="true"]').length === 0,
  );
}
