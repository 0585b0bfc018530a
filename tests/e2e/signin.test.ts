// What a person sees when signing in: errors in words, each role landing in its
// own area, and guarded areas that explain themselves instead of going blank.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/emulators';
import { BASE_URL, chromiumPath, launchBrowser } from './support/browser';
import { seedSignInWorld, type Person, type SignInWorld } from './support/seed';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

describe.skipIf(!chromiumPath)('signing in', () => {
  let browser: Browser;
  let world: SignInWorld;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    world = await seedSignInWorld();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await world?.cleanup();
  });

  /** A fresh browser profile, so no test inherits another's session. */
  async function freshPage(viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport });
    contexts.push(context);
    return context.newPage();
  }

  /** Waits for `target`, failing at once with the page's own words if it shows a problem instead. */
  async function expectShown(page: Page, target: Locator) {
    const problem = page.getByRole('alert');
    await target.or(problem).first().waitFor();
    if ((await problem.count()) > 0) {
      throw new Error(`The page shows a problem instead: ${await problem.first().textContent()}`);
    }
  }

  async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>) {
    await page.goto('/');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('explains a wrong password and stays on the sign-in page', async () => {
    const page = await freshPage();
    await signIn(page, { email: world.admin.email, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/password is not right/);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-error-desktop.png') });
  });

  it('asks for a missing password before calling Firebase', async () => {
    const page = await freshPage();
    await page.goto('/');
    await page.getByLabel('Email').fill(world.user.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Enter your password.');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('takes an admin to /admin, with chat status and the project and its specialist count', async () => {
    const page = await freshPage();
    await signIn(page, world.admin);
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByText('Chat is on').waitFor();
    const row = page.getByRole('row', { name: new RegExp(world.project.name) });
    await expectShown(page, row.getByText('Level 1: 1 · Level 2: 0'));
    expect(await row.getByRole('cell').first().textContent()).toBe('1');
    const header = page.getByRole('banner');
    await header.getByText(world.admin.displayName).waitFor();
    await header.getByText('admin', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-desktop.png'), fullPage: true });
  });

  it('takes a specialist to /specialist, listing the project served at level 1 and the presence mode', async () => {
    const page = await freshPage();
    await signIn(page, world.specialist);
    await page.waitForURL('**/specialist');
    await page.getByRole('heading', { name: 'Specialist desk' }).waitFor();
    const project = page.getByRole('listitem').filter({ hasText: world.project.name });
    await expectShown(page, project.getByText('Level 1', { exact: true }));
    await page.getByRole('heading', { name: 'Presence tracking' }).waitFor();
    expect(await page.getByText(/^(Realtime Database|Firestore heartbeat)$/).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'specialist-desktop.png'), fullPage: true });
  });

  it('takes a user to /chat with their project, and turns them away from /admin by name', async () => {
    const page = await freshPage(PHONE);
    await signIn(page, world.user);
    await page.waitForURL('**/chat');
    await page.getByRole('heading', { name: 'Support chat' }).waitFor();
    await page.getByText('Chat is on').waitFor();
    await expectShown(page, page.getByRole('heading', { name: world.project.name }));
    await page.screenshot({ path: join(SCREENSHOTS, 'chat-phone.png'), fullPage: true });

    await page.goto('/admin');
    await page.getByRole('heading', { name: 'Not your area' }).waitFor();
    await page.getByText('This area is for admin accounts; you are signed in as user.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'wrong-role-phone.png') });
    await page.getByRole('link', { name: 'Go to Support chat' }).click();
    await page.waitForURL('**/chat');
  });

  it('signs out back to the sign-in form', async () => {
    const page = await freshPage();
    await signIn(page, world.user);
    await page.waitForURL('**/chat');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('asks a signed-out visitor of /specialist to sign in, then brings them back there', async () => {
    const page = await freshPage(PHONE);
    await page.goto('/specialist');
    await page.getByRole('heading', { name: 'Please sign in' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'please-sign-in-phone.png'), fullPage: true });
    await page.getByRole('link', { name: 'Go to the sign-in page' }).click();
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-phone.png') });
    await page.getByLabel('Email').fill(world.specialist.email);
    await page.getByLabel('Password').fill(world.specialist.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/specialist');
    await page.getByRole('heading', { name: 'Specialist desk' }).waitFor();
  });

  it('answers an unknown address with a helpful not-found page', async () => {
    const page = await freshPage();
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByText('There is no page at').textContent()).toContain('/no-such-page');
    await page.getByRole('link', { name: 'Go to the sign-in page' }).waitFor();
  });
});
