// The case inbox as its people live it: a specialist converts a chat into a
// case, finds it in the project's inbox, takes it up and resolves it; the user
// follows its status in "My cases", without the internal comment.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, paths, type Role } from '$shared/catalogue';
import type { CaseDoc, ConversationDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { PROJECT_ID, ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { BASE_URL, chromiumPath, launchBrowser } from './support/browser';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const run = randomUUID().slice(0, 8);

interface Person {
  uid: string;
  email: string;
  password: string;
  displayName: string;
}

describe.skipIf(!chromiumPath)('the case inbox in two browsers', () => {
  let app: App;
  let db: Firestore;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const people: Person[] = [];
  const projectId = `e2e-cases-${run}`;
  const projectName = `Cases desk ${run}`;
  let restoreSettings: (() => Promise<void>) | null = null;
  let user: Person;
  let specialist: Person;

  async function createPerson(role: Role, name: string): Promise<Person> {
    const slug = `${role}-${people.length}-${run}`;
    const person = {
      uid: `e2e-cases-${slug}`,
      email: `e2e-cases-${slug}@test.example`,
      password: `pw-${randomUUID()}`,
      displayName: `${name} ${run}`,
    };
    await getAuth(app).createUser({ ...person });
    await getAuth(app).setCustomUserClaims(person.uid, { role });
    await db.doc(paths.user(person.uid)).set({ displayName: person.displayName, email: person.email, role });
    people.push(person);
    return person;
  }

  async function createProject() {
    const now = Timestamp.now();
    const templateId = `e2e-cases-template-${run}`;
    const batch = db.batch();
    batch.set(db.doc(paths.project(projectId)), {
      name: projectName,
      description: 'Case inbox test.',
      lastCaseNumber: 0,
    });
    batch.set(db.doc(paths.member(projectId, user.uid)), {
      uid: user.uid,
      displayName: user.displayName,
      addedAt: now,
    });
    batch.set(db.doc(paths.projectSpecialist(projectId, specialist.uid)), {
      uid: specialist.uid,
      displayName: specialist.displayName,
      level: 1,
      addedAt: now,
      addedBy: 'e2e-cases',
    });
    batch.set(db.doc(paths.caseTemplate(templateId)), { name: 'Chat', fields: [], updatedAt: now });
    for (const circumstance of ['offline', 'conversion'] as const) {
      batch.set(db.doc(paths.caseConfig(projectId, circumstance)), {
        templateId,
        defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'high', group: 'Desk' },
        subjectPattern: 'Chat: {firstLine}',
        updatedAt: now,
        updatedBy: 'e2e-cases',
      });
    }
    await batch.commit();
  }

  beforeAll(async () => {
    if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
      throw new Error('Browser tests need the emulators: run them through `npm test` (firebase emulators:exec).');
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = initializeApp({ projectId: PROJECT_ID }, `e2e-cases-${run}`);
    db = getFirestore(app);
    user = await createPerson('user', 'Rita Requester');
    specialist = await createPerson('specialist', 'Sid Specialist');
    await createProject();
    // settings/chat is shared by every suite: chat on for this one, the previous one back afterwards.
    const ref = db.doc(paths.chatSettings());
    const previous: DocumentSnapshot = await ref.get();
    await ref.set({
      enabled: true,
      general: { ...DEFAULT_GENERAL_SETTINGS, showSpecialistName: true },
      revision: ((previous.get('revision') as number | undefined) ?? 0) + 1,
      updatedAt: Timestamp.now(),
      updatedBy: 'e2e-cases',
    });
    restoreSettings = async () => {
      if (previous.exists) await ref.set(previous.data()!);
      else await ref.delete();
    };
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await browser?.close();
    if (!app) return;
    await restoreSettings?.();
    const conversations = await db.collection(COLLECTIONS.conversations).where('userId', '==', user.uid).get();
    for (const c of conversations.docs) await db.recursiveDelete(c.ref);
    const cases = await db.collection(COLLECTIONS.cases).where('projectId', '==', projectId).get();
    for (const c of cases.docs) await db.recursiveDelete(c.ref);
    await db.recursiveDelete(db.doc(paths.project(projectId)));
    for (const { uid } of people) {
      await db.doc(paths.user(uid)).delete();
      await db.doc(paths.presence(uid)).delete();
      await db.doc(paths.specialistLoad(uid)).delete();
      await db.recursiveDelete(db.doc(paths.specialistStats(uid)));
    }
    await getAuth(app).deleteUsers(people.map((p) => p.uid));
    await deleteApp(app);
  });

  async function signedInPage(person: Person): Promise<Page> {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${person.displayName}] page error:`, error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[${person.displayName}] console:`, message.text());
    });
    await page.goto('/');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/');
    return page;
  }

  /** Waits for `target`, failing at once with the page's own words if it shows a problem instead. */
  async function expectShown(page: Page, target: Locator) {
    const problem = page.getByRole('alert').filter({ hasText: /\S/ });
    await target.or(problem).first().waitFor();
    if ((await problem.count()) > 0) {
      throw new Error(`The page shows a problem instead: ${await problem.first().textContent()}`);
    }
  }

  const storedCase = async (caseId: string) => (await db.doc(paths.case(caseId)).get()).data() as CaseDoc;

  it(
    'converts a chat, works the case through to resolved, and the requester follows it',
    { timeout: 240_000 },
    async () => {
      const [desk, userPage] = await Promise.all([signedInPage(specialist), signedInPage(user)]);
      await desk.waitForURL('**/specialist');
      await desk.getByRole('heading', { name: 'Your availability' }).waitFor();
      await expectShown(desk, desk.locator('button[aria-pressed]:not([disabled])').first());
      await desk.getByRole('button', { name: 'Available', exact: true }).click();
      await expectShown(desk, desk.getByText(/^Available: serving 0 of \d+ conversations\.$/));

      // The user starts a chat and says what is wrong; routing gives it to the specialist.
      await userPage.waitForURL('**/chat');
      const item = userPage
        .getByRole('listitem')
        .filter({ has: userPage.getByRole('heading', { name: projectName, exact: true }) });
      await expectShown(userPage, item.getByRole('button', { name: 'Start a chat' }));
      await item.getByRole('button', { name: 'Start a chat' }).click();
      await userPage.waitForURL('**/chat/c/**');
      const conversationId = new URL(userPage.url()).pathname.split('/').pop()!;
      await expectShown(userPage, userPage.getByText(`You are chatting with ${specialist.displayName}.`));
      const composer = userPage.getByRole('textbox', { name: 'Your message' });
      await composer.fill('The scanner on floor 3 is jammed.');
      await composer.press('Enter');

      // The specialist converts it.
      await desk
        .getByRole('region', { name: 'Your conversations' })
        .getByRole('link', { name: new RegExp(user.displayName) })
        .click();
      await desk.waitForURL(`**/specialist/c/${conversationId}`);
      await desk.getByRole('button', { name: 'Convert to case' }).click();
      await expectShown(desk, desk.getByText(/^Converted into case #\d+\.$/));
      const { caseId, caseNumber } = await waitFor(
        async () => (await db.doc(paths.conversation(conversationId)).get()).data() as ConversationDoc,
        (c) => c.caseId !== null,
        { what: 'the conversation to carry its case' },
      );
      expect(caseNumber).toBe(1);

      // The case is in the project's inbox, new and unassigned.
      await desk.goto('/specialist');
      await desk.getByRole('link', { name: 'Cases of this project' }).click();
      await desk.waitForURL(`**/specialist/cases/${projectId}`);
      const row = desk.getByRole('row').filter({ has: desk.getByRole('link', { name: '#1', exact: true }) });
      await expectShown(desk, row);
      await row.getByText('Chat: The scanner on floor 3 is jammed.').waitFor();
      await row.getByText('Converted chat').waitFor();
      await row.getByText('New', { exact: true }).waitFor();
      await row.getByText('Unassigned').waitFor();
      await desk.screenshot({ path: join(SCREENSHOTS, 'cases-inbox-desktop.png'), fullPage: true });

      // Taking it up assigns it to the specialist; resolving it carries a public comment.
      await row.getByRole('link', { name: '#1', exact: true }).click();
      await desk.waitForURL(`**/specialist/cases/${projectId}/${caseId}`);
      await expectShown(desk, desk.getByRole('heading', { name: 'Case #1: Chat: The scanner on floor 3 is jammed.' }));
      await desk.getByText('The scanner on floor 3 is jammed.', { exact: false }).first().waitFor();
      await desk.getByRole('button', { name: 'Start work' }).click();
      await expectShown(desk, desk.getByRole('button', { name: 'Resolve' }));
      await desk.getByText(`Assignee: ${specialist.displayName}`).waitFor();
      await desk.getByLabel('Comment', { exact: true }).fill(`Internal: spare part in stock ${run}`);
      await desk.getByRole('checkbox', { name: 'Internal comment (staff only)' }).check();
      await desk.getByRole('button', { name: 'Add comment' }).click();
      await expectShown(desk, desk.getByRole('status').getByText('Comment added.'));
      await desk.getByLabel('Comment', { exact: true }).fill('Roller replaced, scanning works again.');
      await desk.getByRole('button', { name: 'Resolve' }).click();
      await expectShown(desk, desk.getByRole('button', { name: 'Reopen' }));
      const history = desk.getByRole('region', { name: 'History' });
      await history.getByText('Status: In progress → Resolved').waitFor();
      await history.getByText(`Internal: spare part in stock ${run}`).waitFor();
      await desk.screenshot({ path: join(SCREENSHOTS, 'cases-case-page-desktop.png'), fullPage: true });
      expect(await storedCase(caseId!)).toMatchObject({
        status: 'resolved',
        assigneeId: specialist.uid,
        revision: 3,
        conversationId,
      });

      // The requester sees it resolved, with the public comment and not the internal one.
      await userPage.goto('/chat');
      await userPage.getByRole('link', { name: 'My cases' }).click();
      await userPage.waitForURL('**/chat/cases');
      const mine = userPage.getByRole('row').filter({ has: userPage.getByRole('link', { name: '#1', exact: true }) });
      await expectShown(userPage, mine);
      await mine.getByText('Resolved', { exact: true }).waitFor();
      await mine.getByRole('link', { name: '#1', exact: true }).click();
      await userPage.waitForURL(`**/chat/cases/${caseId}`);
      const trail = userPage.getByRole('region', { name: 'History' });
      await expectShown(userPage, trail.getByText('Roller replaced, scanning works again.'));
      await trail.getByText('Status: In progress → Resolved').waitFor();
      await trail.getByText('Case created').waitFor();
      expect(await userPage.getByText(`spare part in stock ${run}`).count()).toBe(0);
      // Who worked on it is the desk's business: the trail says "Help desk".
      expect(await trail.getByText(specialist.displayName).count()).toBe(0);
      await trail.getByText('Help desk').first().waitFor();
      await userPage.screenshot({ path: join(SCREENSHOTS, 'cases-requester-desktop.png'), fullPage: true });
    },
  );
});
