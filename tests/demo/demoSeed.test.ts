// What `npm start` serves: the committed seed in emulator-data/, imported into the
// emulators, with the same web build. Run by `npm test` in a second emulator
// session started with `--import emulator-data` (never mixed with the suites that
// seed their own data). The demo logins printed by `npm start` must work.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, PROJECTS, USERS } from '../../scripts/seed/roster';
import { BASE_URL, chromiumPath, launchBrowser } from '../e2e/support/browser';

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  return page;
}

describe.skipIf(!chromiumPath)('the demo seed npm start imports', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('lets the seeded admin sign in and see every seeded project', async () => {
    const page = await signIn(browser, ADMIN.email);
    await page.waitForURL('**/admin');
    for (const project of PROJECTS) {
      await page
        .getByRole('row', { name: new RegExp(project.name) })
        .first()
        .waitFor();
    }
    await expect(page.getByText(ADMIN.displayName).first().isVisible()).resolves.toBe(true);
  });

  it('shows the seeded history on the metrics screen', async () => {
    const page = await signIn(browser, ADMIN.email);
    await page.waitForURL('**/admin');
    await page.goto('/admin/metrics');
    await page.getByRole('row', { name: /Ana Martins/ }).waitFor();
    // The seed holds rated conversations from the last 14 days: the chart's text
    // alternative (what a screen reader gets) counts some 5-star ratings.
    const ratingsChart = page.locator('desc', { hasText: '5 stars' }).first();
    await expect.poll(() => ratingsChart.textContent(), { timeout: 15_000 }).toMatch(/5 stars: [1-9]/);
  });

  it('lets a seeded user sign in and see their projects', async () => {
    const luis = USERS.find((u) => u.uid === 'user-luis');
    if (!luis) throw new Error('roster lost user-luis');
    const page = await signIn(browser, luis.email);
    await page.waitForURL('**/chat');
    for (const projectId of luis.projectIds) {
      const name = PROJECTS.find((p) => p.id === projectId)?.name ?? projectId;
      await page.getByRole('heading', { name }).first().waitFor();
    }
  });
});
