// The chat as three people live it, each in their own browser profile: a user,
// a Level 1 and a Level 2 specialist. One conversation goes all the way (routing,
// messages both ways, a shortcut, an internal note, a transfer, a case, closing,
// a rating); another finds nobody on duty and leaves a message that becomes a case.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { deleteApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientMessageId, COLLECTIONS, paths, type Level } from '$shared/catalogue';
import type { ChatMessagesDoc, ChatSettingsDoc, ConversationDoc, RatingDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SYSTEM_MESSAGES } from '$shared/settings';
import { ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { chromiumPath, launchBrowser } from './support/browser';
import { createDesk, removeConversations, removeDesk, replaceSettings, type Desk } from './support/desks';
import { expectShown, goAvailable, openConversation, messages, Profiles, startChat } from './support/pages';
import { emulatorApp, People, removePeople, type TestPerson as Person } from './support/people';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 360, height: 740 };
const run = randomUUID().slice(0, 8);

/** A shortcut only this run defines, so the test knows exactly what it inserts. */
const GREETING = { key: `greet${run}`, text: 'Hello {userName}, I am {specialistName} from {projectName}.' };

describe.skipIf(!chromiumPath)('live chat in three browsers', () => {
  let app: App;
  let db: Firestore;
  let people: People;
  let profiles: Profiles;
  const projects: Array<{ id: string; templateId: string }> = [];
  const restoreSettings: Array<() => Promise<void>> = [];

  let user: Person;
  let level1: Person;
  let level2: Person;
  let offDuty: Person;
  let staffed: Desk;
  let unstaffed: Desk;

  const createPerson = (role: 'user' | 'specialist', name: string) => people.create(role, name);
  async function createProject(label: string, members: Person[], specialists: Array<[Person, Level]>): Promise<Desk> {
    const templateId = `e2e-chat-template-${label}-${run}`;
    const project = await createDesk(db, {
      project: { id: `e2e-chat-${label}-${run}`, name: `${label} desk ${run}` },
      description: `Seeded by the chat browser test.`,
      members,
      specialists,
      addedBy: 'e2e-chat',
      template: { id: templateId, fields: [{ key: 'room', label: 'Room', mandatory: false }] },
      circumstances: ['offline', 'conversion'],
      priority: 'medium',
    });
    projects.push({ id: project.id, templateId });
    return project;
  }

  /** settings/* are shared by every suite: set ours and put the previous ones back afterwards. */
  async function useSettings(chat: Partial<ChatSettingsDoc>, texts: Partial<ChatMessagesDoc>) {
    restoreSettings.push(await replaceSettings(db, paths.chatSettings(), chat, 'e2e-chat'));
    restoreSettings.push(await replaceSettings(db, paths.chatMessages(), texts, 'e2e-chat'));
  }

  beforeAll(async () => {
    app = emulatorApp(`e2e-chat-${run}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = getFirestore(app);
    people = new People(app, 'e2e-chat', run, { numbered: true });
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
    profiles = new Profiles(await launchBrowser(), DESKTOP);
  });

  afterEach(async () => {
    await profiles?.closeAll();
  });

  afterAll(async () => {
    await profiles?.close();
    if (!app) return;
    for (const restore of restoreSettings.reverse()) await restore();
    await removeConversations(db, people.uids);
    for (const project of projects) await removeDesk(db, project.id, project.templateId);
    await removePeople(app, people.uids, { desk: true, stats: true });
    await deleteApp(app);
  });

  const signedInPage = (person: Person, viewport = DESKTOP) => profiles.signedIn(person, { viewport });

  /** Goes available on the desk and sees the Available button pressed. */
  async function goAvailableChecked(page: Page) {
    const available = await goAvailable(page);
    expect(await available.getAttribute('aria-pressed')).toBe('true');
  }

  /** Waits for the page to show `text` as a problem (an alert). */
  async function expectShownProblem(page: Page, text: RegExp) {
    await page.getByRole('alert').filter({ hasText: text }).first().waitFor();
  }

  const conversation = async (id: string) => (await db.doc(paths.conversation(id)).get()).data() as ConversationDoc;

  it('routes a chat to Level 1, then transfer, case, close and rating', { timeout: 300_000 }, async () => {
    const [l1Page, l2Page, userPage] = await Promise.all([
      signedInPage(level1),
      signedInPage(level2),
      signedInPage(user),
    ]);
    await Promise.all([l1Page.waitForURL('**/specialist'), l2Page.waitForURL('**/specialist')]);
    await goAvailableChecked(l1Page);
    await goAvailableChecked(l2Page);
    await l1Page.screenshot({ path: join(SCREENSHOTS, 'chat-desk-available-desktop.png'), fullPage: true });
    await l2Page.setViewportSize(PHONE);
    await l2Page.screenshot({ path: join(SCREENSHOTS, 'chat-desk-available-phone.png'), fullPage: true });
    await l2Page.setViewportSize(DESKTOP);

    // The user starts; routing picks the available Level 1 specialist.
    const conversationId = await startChat(userPage, staffed.name);
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
    await openConversation(l1Page, user.displayName, conversationId);
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
    await openConversation(l2Page, user.displayName, conversationId);
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
    const conversationId = await startChat(userPage, unstaffed.name);
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
      await goAvailableChecked(l1Page);
      const conversationId = await startChat(userPage, escalation.name);
      await expectShown(userPage, userPage.getByText(`You are chatting with ${first.displayName}.`));

      // Level 2 is signed in but away: the transfer waits, and Level 1 is free at once.
      await openConversation(l1Page, asker.displayName, conversationId);
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
      await goAvailableChecked(l2Page);
      await openConversation(l2Page, asker.displayName, conversationId);
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
