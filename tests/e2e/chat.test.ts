// The chat as three people live it, each in their own browser profile: a user,
// a Level 1 and a Level 2 specialist. One conversation goes all the way (routing,
// messages both ways, a shortcut, an internal note, a transfer, a case, closing,
// a rating); another finds nobody on duty and leaves a message that becomes a case.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, Timestamp, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientMessageId, COLLECTIONS, paths, type Level, type Role } from '$shared/catalogue';
import type { ChatMessagesDoc, ChatSettingsDoc, ConversationDoc, RatingDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SYSTEM_MESSAGES } from '$shared/settings';
import { PROJECT_ID, ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { BASE_URL, chromiumPath, launchBrowser } from './support/browser';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 360, height: 740 };
const run = randomUUID().slice(0, 8);

interface Person {
  uid: string;
  email: string;
  password: string;
  displayName: string;
}

interface Project {
  id: string;
  name: string;
}

/** A shortcut only this run defines, so the test knows exactly what it inserts. */
const GREETING = { key: `greet${run}`, text: 'Hello {userName}, I am {specialistName} from {projectName}.' };

describe.skipIf(!chromiumPath)('live chat in three browsers', () => {
  let app: App;
  let db: Firestore;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const people: Person[] = [];
  const projects: Project[] = [];
  const restoreSettings: Array<() => Promise<void>> = [];

  let user: Person;
  let level1: Person;
  let level2: Person;
  let offDuty: Person;
  let staffed: Project;
  let unstaffed: Project;

  async function createPerson(role: Role, name: string): Promise<Person> {
    const slug = `${role}-${people.length}-${run}`;
    const person = {
      uid: `e2e-chat-${slug}`,
      email: `e2e-chat-${slug}@test.example`,
      password: `pw-${randomUUID()}`,
      displayName: `${name} ${run}`,
    };
    await getAuth(app).createUser({ ...person });
    await getAuth(app).setCustomUserClaims(person.uid, { role });
    await db.doc(paths.user(person.uid)).set({ displayName: person.displayName, email: person.email, role });
    people.push(person);
    return person;
  }

  async function createProject(
    label: string,
    members: Person[],
    specialists: Array<[Person, Level]>,
  ): Promise<Project> {
    const project = { id: `e2e-chat-${label}-${run}`, name: `${label} desk ${run}` };
    const now = Timestamp.now();
    const templateId = `e2e-chat-template-${label}-${run}`;
    const batch = db.batch();
    batch.set(db.doc(paths.project(project.id)), {
      name: project.name,
      description: `Seeded by the chat browser test.`,
      lastCaseNumber: 0,
    });
    for (const m of members)
      batch.set(db.doc(paths.member(project.id, m.uid)), { uid: m.uid, displayName: m.displayName, addedAt: now });
    for (const [s, level] of specialists) {
      batch.set(db.doc(paths.projectSpecialist(project.id, s.uid)), {
        uid: s.uid,
        displayName: s.displayName,
        level,
        addedAt: now,
        addedBy: 'e2e-chat',
      });
    }
    batch.set(db.doc(paths.caseTemplate(templateId)), {
      name: 'Chat',
      fields: [{ key: 'room', label: 'Room', mandatory: false }],
      updatedAt: now,
    });
    for (const circumstance of ['offline', 'conversion'] as const) {
      batch.set(db.doc(paths.caseConfig(project.id, circumstance)), {
        templateId,
        defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'medium', group: 'Desk' },
        subjectPattern: 'Chat: {firstLine}',
        updatedAt: now,
        updatedBy: 'e2e-chat',
      });
    }
    await batch.commit();
    projects.push(project);
    return project;
  }

  /** settings/* are shared by every suite: set ours and put the previous ones back afterwards. */
  async function useSettings(chat: Partial<ChatSettingsDoc>, texts: Partial<ChatMessagesDoc>) {
    for (const [path, data] of [
      [paths.chatSettings(), chat],
      [paths.chatMessages(), texts],
    ] as const) {
      const ref = db.doc(path);
      const previous: DocumentSnapshot = await ref.get();
      const revision = ((previous.get('revision') as number | undefined) ?? 0) + 1;
      await ref.set({ ...data, revision, updatedAt: Timestamp.now(), updatedBy: 'e2e-chat' });
      restoreSettings.push(async () => {
        if (previous.exists) await ref.set(previous.data()!);
        else await ref.delete();
      });
    }
  }

  beforeAll(async () => {
    if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
      throw new Error('Browser tests need the emulators: run them through `npm test` (firebase emulators:exec).');
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = initializeApp({ projectId: PROJECT_ID }, `e2e-chat-${run}`);
    db = getFirestore(app);
    user = await createPerson('user', 'Uma User');
    level1 = await createPerson('specialist', 'Lea Level1');
    level2 = await createPerson('specialist', 'Leo Level2');
    offDuty = await createPerson('specialist', 'Otto Offduty');
    staffed = await createProject(
      'staffed',
      [user],
      [
        [level1, 1],
        [level2, 2],
      ],
    );
    unstaffed = await createProject('unstaffed', [user], [[offDuty, 1]]);
    await useSettings(
      { enabled: true, general: { ...DEFAULT_GENERAL_SETTINGS, ratingEnabled: true, showSpecialistName: true } },
      { messages: DEFAULT_SYSTEM_MESSAGES, shortcuts: [GREETING, { key: `bye${run}`, text: 'Bye {userName}!' }] },
    );
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    if (!app) return;
    for (const restore of restoreSettings.reverse()) await restore();
    const uids = people.map((p) => p.uid);
    const conversations = await db.collection(COLLECTIONS.conversations).where('userId', 'in', uids).get();
    for (const c of conversations.docs) {
      await db.recursiveDelete(c.ref);
      // Only what exists: the emulator reports deleting a missing document to create triggers.
      for (const ref of [db.doc(paths.rating(c.id)), db.doc(paths.offlineMessage(c.id))]) {
        if ((await ref.get()).exists) await ref.delete();
      }
    }
    for (const project of projects) {
      const cases = await db.collection(COLLECTIONS.cases).where('projectId', '==', project.id).get();
      await Promise.all(cases.docs.map((d) => d.ref.delete()));
      await db.recursiveDelete(db.doc(paths.project(project.id)));
    }
    for (const uid of uids) {
      await db.doc(paths.user(uid)).delete();
      await db.doc(paths.presence(uid)).delete();
      await db.doc(paths.specialistLoad(uid)).delete();
      await db.recursiveDelete(db.doc(paths.specialistStats(uid)));
    }
    await getAuth(app).deleteUsers(uids);
    await deleteApp(app);
  });

  async function signedInPage(person: Person, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport });
    contexts.push(context);
    const page = await context.newPage();
    // A failing run then shows what the page itself complained about.
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

  async function goAvailable(page: Page) {
    await page.getByRole('heading', { name: 'Your availability' }).waitFor();
    const available = page.getByRole('button', { name: 'Available', exact: true });
    await expectShown(page, page.locator('button[aria-pressed]:not([disabled])').first());
    await available.click();
    await expectShown(page, page.getByText(/^Available: serving 0 of \d+ conversations\.$/));
    expect(await available.getAttribute('aria-pressed')).toBe('true');
  }

  async function startChat(page: Page, project: Project): Promise<string> {
    await page.waitForURL('**/chat');
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: project.name, exact: true }) });
    await expectShown(page, item.getByRole('button', { name: 'Start a chat' }));
    await item.getByRole('button', { name: 'Start a chat' }).click();
    await page.waitForURL('**/chat/c/**');
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  /** Waits for the page to show `text` as a problem (an alert). */
  async function expectShownProblem(page: Page, text: RegExp) {
    await page.getByRole('alert').filter({ hasText: text }).first().waitFor();
  }

  const conversation = async (id: string) => (await db.doc(paths.conversation(id)).get()).data() as ConversationDoc;
  /** The message list itself (its region also holds the live region that repeats the newest message). */
  const messages = (page: Page) => page.getByRole('region', { name: /^Messages/ }).getByRole('list');

  it('routes a chat to Level 1, then transfer, case, close and rating', { timeout: 300_000 }, async () => {
    const [l1Page, l2Page, userPage] = await Promise.all([
      signedInPage(level1),
      signedInPage(level2),
      signedInPage(user),
    ]);
    await Promise.all([l1Page.waitForURL('**/specialist'), l2Page.waitForURL('**/specialist')]);
    await goAvailable(l1Page);
    await goAvailable(l2Page);
    await l1Page.screenshot({ path: join(SCREENSHOTS, 'chat-desk-available-desktop.png'), fullPage: true });
    await l2Page.setViewportSize(PHONE);
    await l2Page.screenshot({ path: join(SCREENSHOTS, 'chat-desk-available-phone.png'), fullPage: true });
    await l2Page.setViewportSize(DESKTOP);

    // The user starts; routing picks the available Level 1 specialist.
    const conversationId = await startChat(userPage, staffed);
    await expectShown(userPage, userPage.getByText(`You are chatting with ${level1.displayName}.`));
    await messages(userPage)
      .getByText(`Hello ${user.displayName}, welcome to the ${staffed.name} help desk.`)
      .waitFor();
    await messages(userPage).getByText(`${level1.displayName} has joined the conversation.`).waitFor();
    expect((await conversation(conversationId)).specialistId).toBe(level1.uid);

    const userComposer = userPage.getByRole('textbox', { name: 'Your message' });
    await userComposer.fill('My printer prints only blank pages.');
    await userComposer.press('Enter');
    await messages(userPage).getByText('My printer prints only blank pages.').waitFor();
    await messages(userPage).getByText('Sent', { exact: true }).waitFor();

    // Written offline: shown as sending, sent once on reconnect, never twice.
    await userPage.context().setOffline(true);
    await userComposer.fill('Written while offline.');
    await userComposer.press('Enter');
    await messages(userPage).getByText('Sending…', { exact: true }).waitFor();
    await userPage.context().setOffline(false);
    await messages(userPage).getByText('Sending…', { exact: true }).waitFor({ state: 'detached' });
    const offlineCopies = await db
      .collection(`${paths.conversation(conversationId)}/messages`)
      .where('text', '==', 'Written while offline.')
      .get();
    expect(offlineCopies.size).toBe(1);

    // Level 1 sees it in their own list and opens it.
    const mine = l1Page.getByRole('region', { name: 'Your conversations' });
    await mine.getByRole('link', { name: new RegExp(user.displayName) }).click();
    await l1Page.waitForURL(`**/specialist/c/${conversationId}`);
    await expectShown(l1Page, messages(l1Page).getByText('My printer prints only blank pages.'));
    // Now that Level 1 has them on screen, the user sees both messages read.
    const userLines = messages(userPage)
      .getByRole('listitem')
      .filter({ hasText: 'My printer prints only blank pages.' });
    await userLines.getByText('Sent', { exact: true }).first().waitFor({ state: 'detached' });
    expect(await userLines.getByText('Read', { exact: true }).count()).toBe(2);

    // Typing shows on the other side.
    const l1Composer = l1Page.getByRole('combobox', { name: `Message to ${user.displayName}` });
    await l1Composer.pressSequentially('Let me');
    await userPage.getByText(`${level1.displayName} is typing…`).waitFor();
    await l1Composer.fill('');

    // A shortcut: `/` lists matches, Esc closes, Enter inserts with variables filled.
    await l1Composer.pressSequentially(`/${GREETING.key.slice(0, 4)}`);
    const listbox = l1Page.getByRole('listbox', { name: 'Shortcuts' });
    await listbox.getByRole('option', { name: new RegExp(`/${GREETING.key}`) }).waitFor();
    expect(await listbox.getByRole('option').count()).toBe(1);
    await l1Page.screenshot({ path: join(SCREENSHOTS, 'chat-shortcuts-desktop.png') });
    await l1Composer.press('Escape');
    await listbox.waitFor({ state: 'hidden' });
    await l1Composer.pressSequentially(GREETING.key.slice(4, 6));
    await listbox.waitFor();
    await l1Composer.press('Enter');
    const greeting = `Hello ${user.displayName}, I am ${level1.displayName} from ${staffed.name}.`;
    expect(await l1Composer.inputValue()).toBe(greeting);
    await l1Composer.press('Enter');
    await messages(userPage).getByText(greeting).waitFor();

    // An internal note stays among specialists.
    await l1Page.getByRole('checkbox', { name: 'Internal note' }).check();
    await l1Page.getByRole('combobox', { name: 'Internal note' }).fill(`VIP customer ${run}`);
    await l1Page.getByRole('button', { name: 'Add note' }).click();
    const l1Note = messages(l1Page)
      .getByRole('listitem')
      .filter({ hasText: `VIP customer ${run}` });
    await l1Note.getByText('internal note', { exact: true }).waitFor();
    await l1Page.getByRole('checkbox', { name: 'Internal note' }).uncheck();

    // Transfer to the chosen Level 2 colleague with a note.
    await l1Page.getByRole('button', { name: 'Transfer to Level 2' }).click();
    const dialog = l1Page.getByRole('dialog', { name: 'Transfer to Level 2' });
    await dialog.getByRole('radio', { name: level2.displayName }).check();
    await dialog.getByLabel('Internal note for the Level 2 specialist').fill(`Firmware issue ${run}`);
    await l1Page.screenshot({ path: join(SCREENSHOTS, 'chat-transfer-dialog-desktop.png') });
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expectShown(l1Page, l1Page.getByText(`Transferred to ${level2.displayName} (Level 2).`));
    await l1Page.waitForURL('**/specialist');

    // Level 2 has it, with both notes; the user sees the transfer but no note.
    await l2Page
      .getByRole('region', { name: 'Your conversations' })
      .getByRole('link', { name: new RegExp(user.displayName) })
      .click();
    await l2Page.waitForURL(`**/specialist/c/${conversationId}`);
    const l2Messages = messages(l2Page);
    await expectShown(l2Page, l2Messages.getByText(`Firmware issue ${run}`));
    await l2Messages.getByText(`VIP customer ${run}`).waitFor();
    expect(await l2Messages.getByText('internal note', { exact: true }).count()).toBe(2);
    const transferred = `Your conversation has been transferred to a level 2 specialist, ${level2.displayName}.`;
    await messages(userPage).getByText(transferred).waitFor();
    await userPage.getByText(`You are chatting with ${level2.displayName}.`).waitFor();
    expect(await userPage.getByText(`Firmware issue ${run}`).count()).toBe(0);
    expect(await userPage.getByText(`VIP customer ${run}`).count()).toBe(0);
    expect(await userPage.getByText('internal note', { exact: true }).count()).toBe(0);

    const l2Composer = l2Page.getByRole('combobox', { name: `Message to ${user.displayName}` });
    await l2Composer.fill('I am updating the printer firmware now.');
    await l2Composer.press('Enter');
    await messages(userPage).getByText('I am updating the printer firmware now.').waitFor();
    // Screen readers hear it too.
    await userPage
      .locator('[aria-live="polite"]')
      .getByText(`${level2.displayName}: I am updating the printer firmware now.`)
      .waitFor({ state: 'attached' });
    await userPage.screenshot({ path: join(SCREENSHOTS, 'chat-user-conversation-desktop.png'), fullPage: true });

    // Conversion into a case: both sides see the number.
    await l2Page.getByRole('button', { name: 'Convert to case' }).click();
    await expectShown(l2Page, l2Page.getByText(/^Converted into case #\d+\.$/));
    const { caseNumber } = await waitFor(
      () => conversation(conversationId),
      (c) => c.caseNumber !== null,
      { what: 'the conversation to carry its case number' },
    );
    await l2Page.getByText(`Converted into case #${caseNumber}.`, { exact: true }).waitFor();
    await userPage.getByRole('status').getByText(`Case #${caseNumber}`).waitFor();
    await messages(userPage).getByText(`This conversation has been converted into case #${caseNumber}.`).waitFor();
    await l2Page.screenshot({ path: join(SCREENSHOTS, 'chat-specialist-conversation-desktop.png'), fullPage: true });

    // Level 2 closes; the user rates once.
    await l2Page.getByRole('button', { name: 'Close conversation' }).click();
    await l2Page.getByRole('button', { name: 'Yes, close it' }).click();
    await l2Page.getByText('This conversation is closed.').waitFor();
    await userPage.getByText('This conversation was closed by the specialist.').waitFor();
    expect(await userPage.getByRole('textbox', { name: 'Your message' }).count()).toBe(0);
    await userPage.getByRole('radio', { name: '4 – Good' }).check();
    await userPage.getByLabel('Comment (optional)').fill('Quick and friendly.');
    await userPage.getByRole('button', { name: 'Send rating' }).click();
    await expectShown(
      userPage,
      userPage.getByText('Thank you! You rated this conversation 4 out of 5: “Quick and friendly.”'),
    );
    // The page shows the rating as soon as it is written locally; the server may take a moment longer.
    const rating = await waitFor(
      async () => (await db.doc(paths.rating(conversationId)).get()).data() as RatingDoc | undefined,
      (r) => r !== undefined,
      { what: 'the rating to be stored' },
    );
    expect(rating).toMatchObject({
      score: 4,
      comment: 'Quick and friendly.',
      specialistId: level2.uid,
      userId: user.uid,
    });

    // History and the rating survive a reload; the form does not come back.
    await userPage.reload();
    await expectShown(userPage, messages(userPage).getByText('My printer prints only blank pages.'));
    await userPage.getByText(/^Thank you! You rated this conversation 4 out of 5/).waitFor();
    expect(await userPage.getByRole('button', { name: 'Send rating' }).count()).toBe(0);
    await userPage.setViewportSize(PHONE);
    await userPage.screenshot({ path: join(SCREENSHOTS, 'chat-user-closed-phone.png'), fullPage: true });
    await l2Page.setViewportSize(PHONE);
    await l2Page.screenshot({ path: join(SCREENSHOTS, 'chat-specialist-conversation-phone.png'), fullPage: true });
  });

  it('offers to leave a message when nobody is on duty, and shows the case number', { timeout: 180_000 }, async () => {
    const userPage = await signedInPage(user, PHONE);
    const conversationId = await startChat(userPage, unstaffed);
    await expectShown(userPage, userPage.getByRole('heading', { name: 'Leave us a message' }));
    await userPage.getByText('Nobody is available to chat right now.').waitFor();
    const composer = userPage.getByRole('textbox', { name: 'Your message' });
    await composer.fill('Is anyone there?');
    await composer.press('Enter');
    await userPage.screenshot({ path: join(SCREENSHOTS, 'chat-offline-offer-phone.png'), fullPage: true });

    // A specialist who is signed in but away sees the waiting conversation in the queue, read-only.
    const deskPage = await signedInPage(offDuty);
    await deskPage.waitForURL('**/specialist');
    const queue = deskPage.getByRole('region', { name: 'Waiting' });
    await expectShown(deskPage, queue.getByRole('link', { name: new RegExp(user.displayName) }));
    await queue.getByRole('link', { name: new RegExp(user.displayName) }).click();
    await deskPage.waitForURL(`**/specialist/c/${conversationId}`);
    await expectShown(deskPage, messages(deskPage).getByText('Is anyone there?'));
    await deskPage.getByText('This conversation is waiting in the queue.', { exact: false }).waitFor();
    expect(await deskPage.getByRole('combobox').count()).toBe(0);
    await deskPage.screenshot({ path: join(SCREENSHOTS, 'chat-queue-preview-desktop.png'), fullPage: true });

    await userPage.getByLabel('Message for the support team').fill('Please call me about the broken scanner.');
    await userPage.getByRole('button', { name: 'Leave message' }).click();
    // The admin's "offline message received" text, in the conversation, with the case number.
    await expectShown(
      userPage,
      messages(userPage).getByText(`Thank you ${user.displayName}. We received your message and opened case #1.`),
    );
    await userPage.getByRole('status', { name: 'Your message' }).getByText('Case #1').waitFor();
    await userPage.getByText('This conversation was closed by you.').waitFor();
    const offline = (await db.doc(paths.offlineMessage(conversationId)).get()).data();
    expect(offline).toMatchObject({ projectId: unstaffed.id, userId: user.uid, caseNumber: 1 });
    expect((await conversation(conversationId)).status).toBe('closed');
    await userPage.screenshot({ path: join(SCREENSHOTS, 'chat-offline-case-phone.png'), fullPage: true });
    await queue.getByText('Nobody is waiting at level 1.').waitFor();
  });

  it(
    'keeps a transfer in the Level 2 line until a Level 2 specialist goes available',
    { timeout: 240_000 },
    async () => {
      // Own people and project: the other tests leave their specialists available.
      const asker = await createPerson('user', 'Wanda Waiting');
      const first = await createPerson('specialist', 'Fay Firstline');
      const second = await createPerson('specialist', 'Sam Secondline');
      const escalation = await createProject(
        'escalation',
        [asker],
        [
          [first, 1],
          [second, 2],
        ],
      );
      const [l1Page, l2Page, userPage] = await Promise.all([
        signedInPage(first),
        signedInPage(second),
        signedInPage(asker),
      ]);
      await l2Page.waitForURL('**/specialist');
      await goAvailable(l1Page);
      const conversationId = await startChat(userPage, escalation);
      await expectShown(userPage, userPage.getByText(`You are chatting with ${first.displayName}.`));

      // Level 2 is signed in but away: the transfer waits, and Level 1 is free at once.
      await l1Page
        .getByRole('region', { name: 'Your conversations' })
        .getByRole('link', { name: new RegExp(asker.displayName) })
        .click();
      await l1Page.waitForURL(`**/specialist/c/${conversationId}`);
      await l1Page.getByRole('button', { name: 'Transfer to Level 2' }).click();
      const dialog = l1Page.getByRole('dialog', { name: 'Transfer to Level 2' });
      await dialog.getByRole('radio', { name: /First Level 2 specialist free/ }).check();
      await dialog.getByLabel('Internal note for the Level 2 specialist').fill(`Needs a firmware expert ${run}`);
      await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
      await expectShown(l1Page, l1Page.getByText(/the conversation waits in the Level 2 line, with your note/));
      await l1Page.waitForURL('**/specialist');
      await l1Page.getByText(/^Available: serving 0 of \d+ conversations\.$/).waitFor();

      // The user is told they wait for Level 2, with their place; nothing of the note.
      await expectShown(userPage, userPage.getByText('You are number 1 in line for a Level 2 specialist.'));
      await messages(userPage)
        .getByText(
          `Your conversation is waiting for a level 2 specialist. You are number 1 in line; all your messages stay here.`,
        )
        .waitFor();
      expect(await userPage.getByText(`Needs a firmware expert ${run}`).count()).toBe(0);
      await userPage.screenshot({ path: join(SCREENSHOTS, 'chat-level2-line-desktop.png'), fullPage: true });
      const waiting = await conversation(conversationId);
      expect(waiting).toMatchObject({ status: 'queued', level: 2, specialistId: null });

      // The Level 2 specialist goes available and gets it, note included.
      await goAvailable(l2Page);
      await l2Page
        .getByRole('region', { name: 'Your conversations' })
        .getByRole('link', { name: new RegExp(asker.displayName) })
        .click();
      await l2Page.waitForURL(`**/specialist/c/${conversationId}`);
      await expectShown(l2Page, messages(l2Page).getByText(`Needs a firmware expert ${run}`));
      await expectShown(userPage, userPage.getByText(`You are chatting with ${second.displayName}.`));
      expect(await conversation(conversationId)).toMatchObject({ status: 'assigned', specialistId: second.uid });
    },
  );

  it(
    'refuses a second conversation from a second tab of the same user, and leads back to the open one',
    { timeout: 120_000 },
    async () => {
      const first = await signedInPage(user);
      await first.waitForURL('**/chat');
      const second = await first.context().newPage();
      await second.goto('/chat');
      const startIn = (page: Page) =>
        page
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name: staffed.name, exact: true }) })
          .getByRole('button', { name: 'Start a chat' });
      await expectShown(first, startIn(first));
      await expectShown(second, startIn(second));

      // Both tabs start at the same moment, and each commit is held back a second, so neither screen
      // can have heard of the other's conversation: only the chat slot (a transaction the rules also
      // require) can keep it to one.
      for (const page of [first, second]) {
        await page.route(
          (url) => /:commit$/i.test(url.pathname),
          async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 1_000));
            await route.continue();
          },
        );
      }
      const buttons = await Promise.all([startIn(first).elementHandle(), startIn(second).elementHandle()]);
      await Promise.all(buttons.map((button) => button?.evaluate((b) => (b as HTMLButtonElement).click())));
      const opened = await Promise.race(
        [first, second].map((page) => page.waitForURL('**/chat/c/**').then(() => page)),
      );
      const refused = opened === first ? second : first;
      const openId = new URL(opened.url()).pathname.split('/').pop()!;
      await expectShownProblem(refused, /You already have an open chat in this project/);
      await refused.getByRole('link', { name: 'Continue your chat' }).first().click();
      await refused.waitForURL(`**/chat/c/${openId}`);

      const open = await db
        .collection(COLLECTIONS.conversations)
        .where('userId', '==', user.uid)
        .where('projectId', '==', staffed.id)
        .where('status', 'in', ['queued', 'assigned'])
        .get();
      expect(open.docs.map((d) => d.id)).toEqual([openId]);
      // Leave the project's slot free for the tests after this one.
      await opened.getByRole('button', { name: 'End chat' }).click();
      await opened.getByRole('button', { name: 'Yes, close it' }).click();
      await opened.getByText('This conversation was closed by you.').waitFor();
    },
  );

  it(
    'shows the latest 50 messages of a long history and pages older ones on demand',
    { timeout: 120_000 },
    async () => {
      const id = `e2e-chat-history-${run}`;
      const start = Date.now() - 3_600_000;
      const at = (i: number) => Timestamp.fromMillis(start + i * 1_000);
      await db.doc(paths.conversation(id)).set({
        projectId: staffed.id,
        userId: user.uid,
        userName: user.displayName,
        status: 'closed',
        level: 1,
        specialistId: level1.uid,
        specialistName: level1.displayName,
        createdAt: at(0),
        queuedAt: at(0),
        assignedAt: at(0),
        closedAt: at(100),
        closedBy: 'specialist',
        caseId: null,
        caseNumber: null,
        ticket: null,
        engagements: [],
        inactivityWarnedAt: null,
      });
      const batch = db.batch();
      for (let i = 1; i <= 70; i++) {
        const fromUser = i % 2 === 1;
        const author = fromUser ? user.uid : level1.uid;
        batch.set(db.doc(paths.message(id, clientMessageId(author, Math.ceil(i / 2)))), {
          authorId: author,
          authorRole: fromUser ? 'user' : 'specialist',
          kind: 'text',
          visibility: 'all',
          text: `History ${i}`,
          createdAt: at(i),
        });
      }
      await batch.commit();

      const userPage = await signedInPage(user);
      await userPage.waitForURL('**/chat');
      await userPage.goto(`/chat/c/${id}`);
      const list = messages(userPage);
      await expectShown(userPage, list.getByText('History 70', { exact: true }));
      await list.getByText('History 21', { exact: true }).waitFor();
      expect(await list.getByText('History 20', { exact: true }).count()).toBe(0);
      expect(await list.getByText(/^History \d+$/).count()).toBe(50);

      await userPage.getByRole('button', { name: 'Load older messages' }).click();
      await list.getByText('History 1', { exact: true }).waitFor();
      expect(await list.getByText(/^History \d+$/).count()).toBe(70);
      await userPage.getByRole('button', { name: /older messages/ }).waitFor({ state: 'detached' });
    },
  );

  it('says plainly when chat is switched off and offers no way to start one', async () => {
    const ref = db.doc(paths.chatSettings());
    const before = (await ref.get()).data() as ChatSettingsDoc;
    await ref.set({ ...before, enabled: false, revision: before.revision + 1 });
    try {
      const userPage = await signedInPage(user, PHONE);
      await userPage.waitForURL('**/chat');
      await expectShown(userPage, userPage.getByText('Live chat is switched off at the moment'));
      await userPage.getByRole('heading', { name: unstaffed.name, exact: true }).waitFor();
      expect(await userPage.getByRole('button', { name: 'Start a chat' }).count()).toBe(0);
      await userPage.screenshot({ path: join(SCREENSHOTS, 'chat-switched-off-phone.png'), fullPage: true });
    } finally {
      await ref.set({ ...before, revision: before.revision + 2 });
    }
  });
});
