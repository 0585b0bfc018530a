// Hand-off to the service desk as people do it: an admin generates the signing
// secret and points the project's webhook at a desk (a receiver this test runs on
// 127.0.0.1), a user finds nobody on duty and leaves a message, the desk receives
// a signed case.created for the new case, and the admin sees it delivered.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, paths, type Role } from '$shared/catalogue';
import type { CaseEventBody, ChatSettingsDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { PROJECT_ID, ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';
import { BASE_URL, chromiumPath, launchBrowser } from './support/browser';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const DESKTOP = { width: 1280, height: 900 };
const run = randomUUID().slice(0, 8);

interface Person {
  uid: string;
  email: string;
  password: string;
  displayName: string;
}

describe.skipIf(!chromiumPath)('hand-off to the service desk in the browser', () => {
  let app: App;
  let db: Firestore;
  let browser: Browser;
  let receiver: WebhookReceiver;
  const contexts: BrowserContext[] = [];
  const people: Person[] = [];
  const project = { id: `e2e-hook-${run}`, name: `Hand-off desk ${run}` };
  let admin: Person;
  let user: Person;
  let restoreChat: () => Promise<void> = async () => undefined;

  async function createPerson(role: Role, name: string): Promise<Person> {
    const slug = `${role}-${people.length}-${run}`;
    const person = {
      uid: `e2e-hook-${slug}`,
      email: `e2e-hook-${slug}@test.example`,
      password: `pw-${randomUUID()}`,
      displayName: `${name} ${run}`,
    };
    await getAuth(app).createUser({ ...person });
    await getAuth(app).setCustomUserClaims(person.uid, { role });
    await db.doc(paths.user(person.uid)).set({ displayName: person.displayName, email: person.email, role });
    people.push(person);
    return person;
  }

  /** A project whose only specialist is off duty, so a user is offered to leave a message. */
  async function seedProject(offDuty: Person) {
    const now = Timestamp.now();
    const templateId = `e2e-hook-template-${run}`;
    const batch = db.batch();
    batch.set(db.doc(paths.project(project.id)), {
      name: project.name,
      description: 'Hand-off test',
      lastCaseNumber: 0,
    });
    batch.set(db.doc(paths.member(project.id, user.uid)), {
      uid: user.uid,
      displayName: user.displayName,
      addedAt: now,
    });
    batch.set(db.doc(paths.projectSpecialist(project.id, offDuty.uid)), {
      uid: offDuty.uid,
      displayName: offDuty.displayName,
      level: 1,
      addedAt: now,
      addedBy: 'e2e-hook',
    });
    batch.set(db.doc(paths.caseTemplate(templateId)), { name: 'Chat', fields: [], updatedAt: now });
    batch.set(db.doc(paths.caseConfig(project.id, 'offline')), {
      templateId,
      defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'medium', group: 'Desk' },
      subjectPattern: 'Chat: {firstLine}',
      updatedAt: now,
      updatedBy: 'e2e-hook',
    });
    await batch.commit();
  }

  /** settings/chat is shared by every suite: turn chat on, and put the previous document back afterwards. */
  async function chatOn() {
    const ref = db.doc(paths.chatSettings());
    const previous: DocumentSnapshot = await ref.get();
    const chat: ChatSettingsDoc = {
      enabled: true,
      general: DEFAULT_GENERAL_SETTINGS,
      revision: ((previous.get('revision') as number | undefined) ?? 0) + 1,
      updatedAt: Timestamp.now(),
      updatedBy: 'e2e-hook',
    };
    await ref.set(chat);
    restoreChat = async () => {
      if (previous.exists) await ref.set(previous.data()!);
      else await ref.delete();
    };
  }

  beforeAll(async () => {
    if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
      throw new Error('Browser tests need the emulators: run them through `npm test` (firebase emulators:exec).');
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = initializeApp({ projectId: PROJECT_ID }, `e2e-hook-${run}`);
    db = getFirestore(app);
    admin = await createPerson('admin', 'Ada Admin');
    user = await createPerson('user', 'Uma User');
    await seedProject(await createPerson('specialist', 'Otto Offduty'));
    await chatOn();
    receiver = await startWebhookReceiver();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await browser?.close();
    await receiver?.close();
    if (!app) return;
    await restoreChat();
    const conversations = await db.collection(COLLECTIONS.conversations).where('userId', '==', user.uid).get();
    for (const c of conversations.docs) {
      await db.recursiveDelete(c.ref);
      const offline = db.doc(paths.offlineMessage(c.id));
      if ((await offline.get()).exists) await offline.delete();
    }
    for (const collection of [COLLECTIONS.cases, COLLECTIONS.webhookDeliveries]) {
      const docs = await db.collection(collection).where('projectId', '==', project.id).get();
      await Promise.all(docs.docs.map((d) => d.ref.delete()));
    }
    await db.doc(paths.webhook(project.id)).delete();
    await db.doc(paths.webhookSecret(project.id)).delete();
    await db.recursiveDelete(db.doc(paths.project(project.id)));
    for (const person of people) await db.doc(paths.user(person.uid)).delete();
    await getAuth(app).deleteUsers(people.map((p) => p.uid));
    await deleteApp(app);
  });

  async function signedInPage(person: Person): Promise<Page> {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: DESKTOP });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${person.displayName}] page error:`, error.message));
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

  it(
    'an admin sets the webhook, a user leaves a message, the desk gets a signed case.created',
    { timeout: 180_000 },
    async () => {
      const adminPage = await signedInPage(admin);
      await adminPage.goto(`/admin/settings/service-desk?project=${encodeURIComponent(project.id)}`);
      await expectShown(adminPage, adminPage.getByText('No secret yet.', { exact: false }));

      // The secret is generated by the server and shown once; the desk takes it.
      await adminPage.getByRole('button', { name: 'Generate a secret' }).click();
      const shownSecret = adminPage.getByTestId('new-secret');
      await expectShown(adminPage, shownSecret);
      const secret = (await shownSecret.textContent())!.trim();
      expect(secret).toMatch(/^whsec_/);
      receiver.secret = secret;
      await expectShown(adminPage, adminPage.getByText('A secret is set', { exact: false }));

      const url = adminPage.getByLabel('Service desk URL');
      // Plain http to anything but this machine is refused before saving.
      await url.fill('http://desk.example.com/hooks');
      await adminPage.getByText('The URL must start with https://', { exact: false }).waitFor();
      await url.fill(`${receiver.url}/desk`);
      await adminPage.getByLabel('Send case events to this URL').check();
      await adminPage.getByRole('button', { name: 'Save webhook' }).click();
      await expectShown(adminPage, adminPage.getByText(/^Saved at /));
      expect((await db.doc(paths.webhook(project.id)).get()).data()).toMatchObject({
        url: `${receiver.url}/desk`,
        enabled: true,
        revision: 1,
        updatedBy: admin.uid,
      });
      await expectShown(adminPage, adminPage.getByText('No events yet.'));

      // The user finds nobody on duty and leaves a message, which becomes case #1.
      const userPage = await signedInPage(user);
      await userPage.waitForURL('**/chat');
      const item = userPage
        .getByRole('listitem')
        .filter({ has: userPage.getByRole('heading', { name: project.name, exact: true }) });
      await expectShown(userPage, item.getByRole('button', { name: 'Start a chat' }));
      await item.getByRole('button', { name: 'Start a chat' }).click();
      await userPage.waitForURL('**/chat/c/**');
      await expectShown(userPage, userPage.getByRole('heading', { name: 'Leave us a message' }));
      await userPage.getByLabel('Message for the support team').fill('The badge printer is jammed.');
      await userPage.getByRole('button', { name: 'Leave message' }).click();
      await expectShown(userPage, userPage.getByText('opened case #1', { exact: false }));

      // The desk receives one case.created, signed with the secret the admin was shown.
      const [request] = await waitFor(
        async () => receiver.received,
        (received) => received.length > 0,
        { what: 'the desk to receive the event', timeoutMs: 30_000 },
      );
      expect(request!.verification).toEqual({ ok: true });
      expect(request!.path).toBe('/desk');
      const body = JSON.parse(request!.body) as CaseEventBody;
      expect(body).toMatchObject({
        type: 'case.created',
        data: {
          project: { id: project.id, name: project.name },
          number: 1,
          subject: 'Chat: The badge printer is jammed.',
          origin: 'offline',
          requester: { id: user.uid, name: user.displayName },
          status: 'new',
        },
      });
      expect(request!.headers['webhook-id']).toBe(`${body.data.id}~0`);

      // The admin's log shows it delivered, live.
      const row = adminPage.getByRole('row', { name: /case #1/ });
      await expectShown(adminPage, row.getByText('delivered', { exact: true }));
      await row.getByText('HTTP 200').waitFor();
      expect(await row.getByRole('button', { name: 'Retry now' }).count()).toBe(0);
      await adminPage.screenshot({ path: join(SCREENSHOTS, 'admin-service-desk-desktop.png'), fullPage: true });
      expect(receiver.received).toHaveLength(1);
    },
  );
});
