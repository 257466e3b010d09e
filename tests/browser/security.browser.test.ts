// The built web app runs under the strict Content-Security-Policy: every main page (and the API docs)
// renders with no policy violation reported by Chromium.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser.js';

/** Collects the violations Chromium reports for the page (console errors and the DOM event). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('content security policy in the browser', () => {
  const suite = useBrowserSuite();

  it('renders every main page and the API docs without a violation', async () => {
    const page = await suite.as('sekretariat');
    const violations = watchViolations(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI} on ${location.pathname} ${event.sourceFile}:${event.lineNumber}`,
        ),
      );
    });
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    const links = await menu
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    expect(links).toEqual(expect.arrayContaining(['/forbruk', '/nokkelindikatorer', '/revisjonslogg']));
    for (const path of links) {
      await page.goto(`${suite.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Let lazy chunks and charts render.
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${suite.server.url}/api/docs`);
    await page.locator('.swagger-ui .info').waitFor();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});
