// Pages of the help desk as the browser tests drive them: a fresh profile per
// person, signing in through the form, and the steps every chat takes.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { BASE_URL } from './browser';

export interface Viewport {
  width: number;
  height: number;
}

/** Fresh browser profiles (no test inherits another's session), closed together. */
export class Profiles {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    readonly browser: Browser,
    private readonly viewport: Viewport,
  ) {}

  /**
   * A page in a new profile. A failing run then shows what the page itself complained
   * about: its errors, and with `consoleErrors` its console errors too.
   */
  async newPage(who: string, { viewport = this.viewport, consoleErrors = true } = {}): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: BASE_URL, viewport });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${who}] page error:`, error.message));
    if (consoleErrors) {
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`[${who}] console:`, message.text());
      });
    }
    return page;
  }

  /** A new profile signed in as `person`, on the page sign-in leads to. */
  async signedIn(
    person: { displayName: string; email: string; password: string },
    options: { viewport?: Viewport; consoleErrors?: boolean } = {},
  ): Promise<Page> {
    const page = await this.newPage(person.displayName, options);
    await signIn(page, person);
    return page;
  }

  /** Closes every profile opened so far. */
  async closeAll() {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
  }

  /** Closes every profile, then the browser. */
  async close() {
    await this.closeAll();
    await this.browser.close();
  }
}

/** Signs in through the form at `start` and waits to be taken off the sign-in page. */
export async function signIn(page: Page, person: { email: string; password: string }, start = '/') {
  await page.goto(start);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/');
}

/** Waits for `target`, failing at once with the page's own words if it shows a problem instead. */
export async function expectShown(page: Page, target: Locator) {
  const problem = page.getByRole('alert').filter({ hasText: /\S/ });
  await target.or(problem).first().waitFor();
  if ((await problem.count()) > 0) {
    throw new Error(`The page shows a problem instead: ${await problem.first().textContent()}`);
  }
}

/** On the specialist desk: goes available once the choice can be made; returns the Available button. */
export async function goAvailable(page: Page): Promise<Locator> {
  await page.getByRole('heading', { name: 'Your availability' }).waitFor();
  const available = page.getByRole('button', { name: 'Available', exact: true });
  await expectShown(page, page.locator('button[aria-pressed]:not([disabled])').first());
  await available.click();
  await expectShown(page, page.getByText(/^Available: serving 0 of \d+ conversations\.$/));
  return available;
}

/** On the user's chat page: starts a chat in the project named `projectName`; returns the conversation id. */
export async function startChat(page: Page, projectName: string, { exact = true } = {}): Promise<string> {
  await page.waitForURL('**/chat');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: projectName, exact }) });
  await expectShown(page, item.getByRole('button', { name: 'Start a chat' }));
  await item.getByRole('button', { name: 'Start a chat' }).click();
  await page.waitForURL('**/chat/c/**');
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** On the specialist desk: opens `userName`'s conversation from "Your conversations". */
export async function openConversation(page: Page, userName: string, conversationId: string) {
  await page
    .getByRole('region', { name: 'Your conversations' })
    .getByRole('link', { name: new RegExp(userName) })
    .click();
  await page.waitForURL(`**/specialist/c/${conversationId}`);
}

/** The message list itself (its region also holds the live region that repeats the newest message). */
export const messages = (page: Page) => page.getByRole('region', { name: /^Messages/ }).getByRole('list');
