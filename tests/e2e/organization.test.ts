// Running the organization from the site: an admin creates a specialist account,
// puts it in a group, creates a project with a member, associates the group at
// Level 1; the new specialist sets a password through the link and serves a chat
// the project's new member starts.
import { randomUUID } from 'node:crypto';
import { deleteApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, paths } from '$shared/catalogue';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { chromiumPath, launchBrowser } from './support/browser';
import { removeConversations, replaceSettings } from './support/desks';
import { expectShown, goAvailable, Profiles, signIn, startChat } from './support/pages';
import { emulatorApp, People, removePeople, type TestPerson as Person } from './support/people';

const run = randomUUID().slice(0, 8);

describe.skipIf(!chromiumPath)('an admin runs the organization from the site', () => {
  let app: App;
  let db: Firestore;
  let people: People;
  let profiles: Profiles;
  let restoreChat: (() => Promise<void>) | null = null;
  let admin: Person;
  let member: Person;
  const specialistName = `Sofia Specialist ${run}`;
  const specialistEmail = `e2e-org-specialist-${run}@test.example`;
  const groupName = `Network team ${run}`;
  const projectName = `Network desk ${run}`;

  beforeAll(async () => {
    app = emulatorApp(`e2e-org-${run}`);
    db = getFirestore(app);
    // No role claim: the accounts carry only their users/{uid} role.
    people = new People(app, 'e2e-org', run, { claim: false });
    admin = await people.create('admin', 'Alma Admin');
    member = await people.create('user', 'Max Member');
    restoreChat = await replaceSettings(
      db,
      paths.chatSettings(),
      { enabled: true, general: { ...DEFAULT_GENERAL_SETTINGS } },
      'e2e-org',
    );
    profiles = new Profiles(await launchBrowser(), { width: 1280, height: 900 });
  });

  afterAll(async () => {
    await profiles?.close();
    if (!app) return;
    await restoreChat?.();
    const uids = people.uids;
    const specialist = await getAuth(app)
      .getUserByEmail(specialistEmail)
      .catch(() => null);
    if (specialist) uids.push(specialist.uid);
    await removeConversations(db, uids);
    const projects = await db.collection(COLLECTIONS.projects).where('name', '==', projectName).get();
    for (const p of projects.docs) await db.recursiveDelete(p.ref);
    const groups = await db.collection(COLLECTIONS.groups).where('name', '==', groupName).get();
    for (const g of groups.docs) await g.ref.delete();
    await removePeople(app, uids, { desk: true });
    await deleteApp(app);
  });

  const newPage = (who: string) => profiles.newPage(who, { consoleErrors: false });

  it(
    'creates a specialist, a group and a project, and the specialist serves its member',
    { timeout: 300_000 },
    async () => {
      const adminPage = await newPage('admin');
      await signIn(adminPage, admin);
      await adminPage.waitForURL('**/admin');

      // People: a new specialist account, and the link through which they set a password.
      await adminPage.getByRole('link', { name: 'People', exact: true }).click();
      await adminPage.getByRole('button', { name: 'New account' }).click();
      const dialog = adminPage.getByRole('dialog', { name: 'New account' });
      await dialog.getByLabel('Name').fill(specialistName);
      await dialog.getByLabel('Email').fill(specialistEmail.toUpperCase());
      await dialog.getByLabel('Role').selectOption('specialist');
      await dialog.getByRole('button', { name: 'Create account' }).click();
      const link = dialog.getByTestId('password-link');
      await expectShown(adminPage, link);
      const passwordUrl = (await link.getAttribute('href'))!;
      expect(new URL(passwordUrl).pathname).toBe('/set-password');
      await dialog.getByRole('button', { name: 'Done' }).click();
      // The same email again is refused, not a second account.
      await adminPage.getByRole('button', { name: 'New account' }).click();
      await dialog.getByLabel('Name').fill('Someone else');
      await dialog.getByLabel('Email').fill(specialistEmail);
      await dialog.getByRole('button', { name: 'Create account' }).click();
      await dialog.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const specialistUid = (await getAuth(app).getUserByEmail(specialistEmail)).uid;
      // The list finds the new account by the start of its name.
      await adminPage.getByLabel('Search by name or email').fill('sofia');
      await adminPage.getByRole('button', { name: 'Search' }).click();
      await expectShown(adminPage, adminPage.getByRole('rowheader', { name: new RegExp(specialistName) }));

      // Specialist groups: the new specialist in a new group.
      await adminPage.getByRole('link', { name: 'Specialist groups' }).click();
      await adminPage.getByRole('button', { name: 'New group' }).click();
      await adminPage.getByLabel('Name').fill(groupName);
      await adminPage.getByRole('checkbox', { name: new RegExp(specialistName) }).check();
      await adminPage.getByRole('button', { name: 'Create group' }).click();
      await expectShown(adminPage, adminPage.getByText(`Saved “${groupName}”.`));
      await adminPage.getByRole('rowheader', { name: groupName }).waitFor();

      // Projects: a new project, and the existing user as its member.
      await adminPage.getByRole('link', { name: 'Projects', exact: true }).click();
      await adminPage.getByRole('button', { name: 'New project' }).click();
      await adminPage.getByLabel('Name').fill(projectName);
      await adminPage.getByLabel('Description').fill('Wi-Fi and cables');
      await adminPage.getByRole('button', { name: 'Create project' }).click();
      await expectShown(adminPage, adminPage.getByText(`Saved “${projectName}”.`));
      await adminPage.getByRole('button', { name: `Members of ${projectName}` }).click();
      await adminPage.getByRole('checkbox', { name: new RegExp(member.displayName) }).check();
      await adminPage.getByRole('button', { name: 'Add selected (1)' }).click();
      await expectShown(adminPage, adminPage.getByText('Added 1, removed 0.'));
      await adminPage.getByText('0 open conversations').waitFor();
      const project = (await db.collection(COLLECTIONS.projects).where('name', '==', projectName).get()).docs[0]!;

      // Associate specialists: the whole group at Level 1.
      await adminPage.goto(`/admin/specialists?project=${project.id}`);
      await adminPage.getByRole('button', { name: 'Add specialists…' }).click();
      const associate = adminPage.getByRole('dialog');
      await associate.getByLabel('A whole group').check();
      await associate.getByLabel('Group', { exact: true }).selectOption({ label: `${groupName} (1 member)` });
      await associate.getByRole('button', { name: 'Associate', exact: true }).click();
      await expectShown(adminPage, adminPage.getByText(new RegExp(`Added 1 specialist at Level 1: ${specialistName}`)));
      expect((await db.doc(paths.projectSpecialist(project.id, specialistUid)).get()).get('level')).toBe(1);

      // The specialist sets a password through the link, lands on the desk, goes available.
      const specialistPage = await newPage('specialist');
      await specialistPage.goto(passwordUrl);
      await specialistPage.getByText(`For ${specialistEmail}.`).waitFor();
      await specialistPage.getByLabel('New password').fill('short');
      await specialistPage.getByLabel('Repeat it').fill('short');
      await specialistPage.getByRole('button', { name: 'Set password and sign in' }).click();
      await specialistPage.getByRole('alert').filter({ hasText: 'at least 8' }).waitFor();
      await specialistPage.getByLabel('New password').fill('a-good-password');
      await specialistPage.getByLabel('Repeat it').fill('a-good-password');
      await specialistPage.getByRole('button', { name: 'Set password and sign in' }).click();
      await specialistPage.waitForURL('**/specialist');
      await goAvailable(specialistPage);

      // The member starts a chat in the new project; the new specialist gets it.
      const memberPage = await newPage('member');
      await signIn(memberPage, member);
      const conversationId = await startChat(memberPage, projectName, { exact: false });
      await expectShown(memberPage, memberPage.getByText(/You are chatting with/));
      expect((await db.doc(paths.conversation(conversationId)).get()).get('specialistId')).toBe(specialistUid);
      await specialistPage
        .getByRole('region', { name: 'Your conversations' })
        .getByRole('link', { name: new RegExp(member.displayName) })
        .waitFor();

      // The audit log lists what the admin did, newest first.
      await adminPage.goto('/admin/audit');
      await expectShown(adminPage, adminPage.getByRole('rowheader', { name: `changed the members of ${projectName}` }));
      await adminPage.getByRole('rowheader', { name: `created the account ${specialistName}` }).waitFor();
    },
  );
});
