// The case inbox as its people live it: a specialist converts a chat into a
// case, finds it in the project's inbox, takes it up and resolves it; the user
// follows its status in "My cases", without the internal comment.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deleteApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '$shared/catalogue';
import type { CaseDoc, ConversationDoc } from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { chromiumPath, launchBrowser } from './support/browser';
import { createDesk, removeConversations, removeDesk, replaceSettings } from './support/desks';
import { expectShown, goAvailable, openConversation, Profiles, startChat } from './support/pages';
import { emulatorApp, People, removePeople, type TestPerson as Person } from './support/people';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const run = randomUUID().slice(0, 8);

describe.skipIf(!chromiumPath)('the case inbox in two browsers', () => {
  let app: App;
  let db: Firestore;
  let people: People;
  let profiles: Profiles;
  const projectId = `e2e-cases-${run}`;
  const projectName = `Cases desk ${run}`;
  const templateId = `e2e-cases-template-${run}`;
  let restoreSettings: (() => Promise<void>) | null = null;
  let user: Person;
  let specialist: Person;

  beforeAll(async () => {
    app = emulatorApp(`e2e-cases-${run}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = getFirestore(app);
    people = new People(app, 'e2e-cases', run, { numbered: true });
    user = await people.create('user', 'Rita Requester');
    specialist = await people.create('specialist', 'Sid Specialist');
    await createDesk(db, {
      project: { id: projectId, name: projectName },
      description: 'Case inbox test.',
      members: [user],
      specialists: [[specialist, 1]],
      addedBy: 'e2e-cases',
      template: { id: templateId, fields: [] },
      circumstances: ['offline', 'conversion'],
      priority: 'high',
    });
    // settings/chat is shared by every suite: chat on for this one, the previous one back afterwards.
    restoreSettings = await replaceSettings(
      db,
      paths.chatSettings(),
      { enabled: true, general: { ...DEFAULT_GENERAL_SETTINGS, showSpecialistName: true } },
      'e2e-cases',
    );
    profiles = new Profiles(await launchBrowser(), { width: 1280, height: 860 });
  });

  afterAll(async () => {
    await profiles?.close();
    if (!app) return;
    await restoreSettings?.();
    await removeConversations(db, people.uids);
    await removeDesk(db, projectId, templateId);
    await removePeople(app, people.uids, { desk: true, stats: true });
    await deleteApp(app);
  });

  const storedCase = async (caseId: string) => (await db.doc(paths.case(caseId)).get()).data() as CaseDoc;

  it(
    'converts a chat, works the case through to resolved, and the requester follows it',
    { timeout: 240_000 },
    async () => {
      const [desk, userPage] = await Promise.all([profiles.signedIn(specialist), profiles.signedIn(user)]);
      await desk.waitForURL('**/specialist');
      await goAvailable(desk);

      // The user starts a chat and says what is wrong; routing gives it to the specialist.
      const conversationId = await startChat(userPage, projectName);
      await expectShown(userPage, userPage.getByText(`You are chatting with ${specialist.displayName}.`));
      const composer = userPage.getByRole('textbox', { name: 'Your message' });
      await composer.fill('The scanner on floor 3 is jammed.');
      await composer.press('Enter');

      // The specialist converts it.
      await openConversation(desk, user.displayName, conversationId);
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
