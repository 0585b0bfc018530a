// The admin console as an admin uses it: switching chat on, both tabs of the chat
// settings (with their inline errors and the "changed by someone else" notice),
// specialists per project, and how chat creates cases; each value survives a reload.
// settings/chat and settings/chatMessages are shared with other browser tests, so
// this file sets the values it starts from instead of assuming them.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paths, type Role } from '$shared/catalogue';
import type {
  CaseConfigDoc,
  CaseTemplateDoc,
  ChatMessagesDoc,
  ChatSettingsDoc,
  GroupDoc,
  ProjectDoc,
  ProjectSpecialistDoc,
} from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS, DEFAULT_SHORTCUTS, DEFAULT_SYSTEM_MESSAGES } from '$shared/settings';
import { PROJECT_ID, ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { BASE_URL, chromiumPath, launchBrowser } from './support/browser';
import { signIn } from './support/pages';
import { createAccount, type TestPerson } from './support/people';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };

type Account = TestPerson;

/** Everything this file seeds, named with one run id so repeated runs never meet. */
class World {
  readonly run = randomUUID().slice(0, 8);
  readonly app: App = initializeApp({ projectId: PROJECT_ID }, `e2e-admin-${this.run}`);
  readonly db: Firestore = getFirestore(this.app);
  readonly project = { id: `e2e-admin-${this.run}`, name: `Admin Project ${this.run}` };
  readonly group = { id: `e2e-group-${this.run}`, name: `Night shift ${this.run}` };
  readonly templates = {
    simple: { id: `e2e-simple-${this.run}`, name: `Simple ${this.run}` },
    mandatory: { id: `e2e-mandatory-${this.run}`, name: `Mandatory ${this.run}` },
    gained: { id: `e2e-gained-${this.run}`, name: `Gained ${this.run}` },
  };
  admin!: Account;
  /** Ana: in the group, not yet in the project, connected and available. */
  ana!: Account;
  /** Ben: in the group, Level 1 in the project. */
  ben!: Account;
  /** Cleo: Level 1 in the project, to be erased. */
  cleo!: Account;
  private readonly uids: string[] = [];
  private readonly createdTemplates: string[] = [];

  async account(role: Role, name: string): Promise<Account> {
    const account = {
      uid: `e2e-${role}-${name.toLowerCase()}-${this.run}`,
      email: `e2e-${name.toLowerCase()}-${this.run}@test.example`,
      password: `pw-${randomUUID()}`,
      displayName: `${name} ${this.run}`,
    };
    await createAccount(this.app, account, role);
    this.uids.push(account.uid);
    return account;
  }

  async seed() {
    this.admin = await this.account('admin', 'Ada');
    this.ana = await this.account('specialist', 'Ana');
    this.ben = await this.account('specialist', 'Ben');
    this.cleo = await this.account('specialist', 'Cleo');
    const now = Timestamp.now();
    const serving = (a: Account): ProjectSpecialistDoc => ({
      uid: a.uid,
      displayName: a.displayName,
      level: 1,
      addedAt: now,
      addedBy: this.admin.uid,
    });
    const field = (key: string, mandatory: boolean) => ({ key, label: key.toUpperCase(), mandatory });
    const template = (name: string, fields: CaseTemplateDoc['fields']): CaseTemplateDoc => ({
      name,
      fields,
      updatedAt: now,
    });
    const gainedConfig: CaseConfigDoc = {
      templateId: this.templates.gained.id,
      defaults: { type: 'incident', category: 'Chat', service: 'Desk', priority: 'medium', group: this.group.id },
      subjectPattern: 'Chat: {firstLine}',
      updatedAt: now,
      updatedBy: this.admin.uid,
    };
    const batch = this.db.batch();
    batch.set(this.db.doc(paths.project(this.project.id)), {
      name: this.project.name,
      description: 'Seeded by the admin browser test.',
      lastCaseNumber: 0,
    } satisfies ProjectDoc);
    batch.set(this.db.doc(paths.projectSpecialist(this.project.id, this.ben.uid)), serving(this.ben));
    batch.set(this.db.doc(paths.projectSpecialist(this.project.id, this.cleo.uid)), serving(this.cleo));
    batch.set(this.db.doc(paths.group(this.group.id)), {
      name: this.group.name,
      specialistIds: [this.ana.uid, this.ben.uid],
    } satisfies GroupDoc);
    batch.set(
      this.db.doc(paths.caseTemplate(this.templates.simple.id)),
      template(this.templates.simple.name, [field('summary', false)]),
    );
    batch.set(
      this.db.doc(paths.caseTemplate(this.templates.mandatory.id)),
      template(this.templates.mandatory.name, [field('item', true)]),
    );
    // Chosen for conversions while usable, then it gained a mandatory field.
    batch.set(
      this.db.doc(paths.caseTemplate(this.templates.gained.id)),
      template(this.templates.gained.name, [field('impact', true)]),
    );
    batch.set(this.db.doc(paths.caseConfig(this.project.id, 'conversion')), gainedConfig);
    batch.set(this.db.doc(paths.presence(this.ana.uid)), {
      choice: 'available',
      connections: { tab1: FieldValue.serverTimestamp() },
      updatedAt: FieldValue.serverTimestamp(),
    });
    await batch.commit();
    await this.setSettings({ enabled: false });
    await this.setMessages();
  }

  /** Writes settings/chat as another admin would: the next revision, with `general` overrides. */
  async setSettings(change: { enabled?: boolean; general?: Partial<ChatSettingsDoc['general']> }) {
    const ref = this.db.doc(paths.chatSettings());
    await this.db.runTransaction(async (tx) => {
      const stored = (await tx.get(ref)).data() as ChatSettingsDoc | undefined;
      tx.set(ref, {
        enabled: change.enabled ?? stored?.enabled ?? false,
        general: { ...DEFAULT_GENERAL_SETTINGS, ...stored?.general, ...change.general },
        revision: (stored?.revision ?? 0) + 1,
        updatedAt: FieldValue.serverTimestamp(),
        updatedBy: `someone-else-${this.run}`,
      });
    });
  }

  async setMessages() {
    const ref = this.db.doc(paths.chatMessages());
    await this.db.runTransaction(async (tx) => {
      const stored = (await tx.get(ref)).data() as ChatMessagesDoc | undefined;
      tx.set(ref, {
        messages: DEFAULT_SYSTEM_MESSAGES,
        shortcuts: DEFAULT_SHORTCUTS,
        revision: (stored?.revision ?? 0) + 1,
        updatedAt: FieldValue.serverTimestamp(),
        updatedBy: `someone-else-${this.run}`,
      });
    });
  }

  async data<T>(path: string): Promise<T | undefined> {
    return (await this.db.doc(path).get()).data() as T | undefined;
  }

  /** Templates the browser created, found by name, so cleanup removes them too. */
  async templateIdsNamed(name: string): Promise<string[]> {
    const found = await this.db.collection('caseTemplates').where('name', '==', name).get();
    const ids = found.docs.map((d) => d.id);
    this.createdTemplates.push(...ids);
    return ids;
  }

  async cleanup() {
    // The shared settings go back to the defaults with chat on, as the demo has them.
    await this.setSettings({ enabled: true, general: DEFAULT_GENERAL_SETTINGS });
    await this.setMessages();
    await this.db.recursiveDelete(this.db.doc(paths.project(this.project.id)));
    const templateIds = [...Object.values(this.templates).map((t) => t.id), ...this.createdTemplates];
    await Promise.all([
      this.db.doc(paths.group(this.group.id)).delete(),
      ...templateIds.map((id) => this.db.doc(paths.caseTemplate(id)).delete()),
      ...this.uids.map((uid) => this.db.doc(paths.user(uid)).delete()),
      ...this.uids.map((uid) => this.db.doc(paths.presence(uid)).delete()),
    ]);
    await getAuth(this.app).deleteUsers(this.uids);
    await deleteApp(this.app);
  }
}

describe.skipIf(!chromiumPath)('admin console', () => {
  let browser: Browser;
  const world = new World();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
      throw new Error('Browser tests need the emulators: run them through `npm test` (firebase emulators:exec).');
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await world.seed();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await world.cleanup();
  });

  /** A fresh profile signed in as the admin, on `path`. */
  async function adminPage(path: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, world.admin, `/?next=${encodeURIComponent(path)}`);
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  async function textOf(locator: Locator): Promise<string> {
    return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  const projectQuery = () => `?project=${world.project.id}`;

  it('switches chat on from the overview; until then every settings screen says why it is inert', async () => {
    const page = await adminPage(`/admin/settings/chat${projectQuery()}`);
    await page.getByRole('note', { name: 'Chat is off' }).getByText('Chat is switched off.').waitFor();
    await page.getByRole('tab', { name: 'General' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-settings-chat-off-desktop.png') });
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Overview' }).click();
    await page.waitForURL('**/admin');
    const toggle = page.getByRole('switch', { name: 'Enable integration with the chat' });
    expect(await toggle.isChecked()).toBe(false);
    await page.getByText('Chat is off', { exact: true }).waitFor();
    await shot(page, 'admin-overview-off-desktop');

    await toggle.focus();
    await page.keyboard.press('Space');
    await page.getByText('Chat is on', { exact: true }).waitFor();
    expect(await toggle.isChecked()).toBe(true);
    const stored = await world.data<ChatSettingsDoc>(paths.chatSettings());
    expect(stored?.enabled).toBe(true);
    expect(stored?.updatedBy).toBe(world.admin.uid);

    await page.getByRole('link', { name: 'Chat settings' }).click();
    await page.getByRole('heading', { name: 'Chat settings', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'General' }).waitFor();
    expect(await page.getByText('Chat is switched off.').count()).toBe(0);
  });

  it('edits the General tab with inline range errors, and the saved values survive a reload', async () => {
    const page = await adminPage(`/admin/settings/chat${projectQuery()}`);
    await page.getByText(/These values are transversal/).waitFor();
    expect(await page.getByLabel('Project').inputValue()).toBe(world.project.id);
    const queueWait = page.getByLabel('Queue wait before offering to leave a message');
    await queueWait.fill('5');
    await page.getByText('At least 10 seconds.').waitFor();
    expect(await queueWait.getAttribute('aria-invalid')).toBe('true');
    const warning = page.getByLabel('User inactivity warning after');
    await warning.fill('900');
    await page.getByLabel('Auto-close after user inactivity').fill('600');
    await page.getByText('Auto-close must come after the inactivity warning.').waitFor();
    await page.getByRole('button', { name: 'Save general settings' }).click();
    await page.getByText('Not saved: correct the 2 highlighted fields first.').waitFor();
    expect(await queueWait.evaluate((el) => el === document.activeElement)).toBe(true);

    await queueWait.fill('45');
    await page.getByLabel('Auto-close after user inactivity').fill('1800');
    await page.getByLabel('Maximum simultaneous conversations per specialist').fill('4');
    await page.getByLabel('Users may rate the conversation').uncheck();
    await page.getByText('You have unsaved changes.').waitFor();
    await page.getByRole('tab', { name: 'General (unsaved)' }).waitFor();
    await shot(page, 'admin-settings-general-desktop');
    await page.getByRole('button', { name: 'Save general settings' }).click();
    await page.getByText(/^Saved at /).waitFor();

    const stored = await world.data<ChatSettingsDoc>(paths.chatSettings());
    expect(stored?.general).toMatchObject({
      queueWaitSeconds: 45,
      inactivityWarningSeconds: 900,
      inactivityCloseSeconds: 1800,
      maxConversationsPerSpecialist: 4,
      ratingEnabled: false,
    });
    expect(stored?.enabled).toBe(true);

    await page.reload();
    await queueWait.waitFor();
    expect(await queueWait.inputValue()).toBe('45');
    expect(await page.getByLabel('Auto-close after user inactivity').inputValue()).toBe('1800');
    expect(await page.getByLabel('Users may rate the conversation').isChecked()).toBe(false);
  });

  it('tells an admin when someone else saved meanwhile, keeping their edits until they choose', async () => {
    const page = await adminPage(`/admin/settings/chat${projectQuery()}`);
    const queueWait = page.getByLabel('Queue wait before offering to leave a message');
    await queueWait.fill('50');
    await world.setSettings({ general: { queueWaitSeconds: 300 } });
    const notice = page.getByRole('alert').filter({ hasText: 'Changed by someone else.' });
    await notice.waitFor();
    expect(await textOf(notice)).toContain('Queue wait before offering to leave a message');
    expect(await queueWait.inputValue()).toBe('50');
    expect(await page.getByRole('button', { name: 'Save general settings' }).isDisabled()).toBe(true);
    await shot(page, 'admin-settings-conflict-desktop');

    await notice.getByRole('button', { name: 'Load their values' }).click();
    expect(await queueWait.inputValue()).toBe('300');
    expect(await notice.count()).toBe(0);

    // Keeping one's own edits, then saving, replaces theirs knowingly.
    await queueWait.fill('60');
    await world.setSettings({ general: { queueWaitSeconds: 400 } });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Keep my edits' }).click();
    await page.getByText("Your edits are kept. Saving now replaces the other admin's values.").waitFor();
    await page.getByRole('button', { name: 'Save general settings' }).click();
    await page.getByText(/^Saved at /).waitFor();
    expect((await world.data<ChatSettingsDoc>(paths.chatSettings()))?.general.queueWaitSeconds).toBe(60);
  });

  it('edits system messages and shortcuts with previews, unknown-variable and duplicate-key errors', async () => {
    const page = await adminPage(`/admin/settings/chat${projectQuery()}&tab=messages`);
    const general = page.getByRole('tab', { name: 'General' });
    await general.focus();
    await page.keyboard.press('ArrowRight');
    const messagesTab = page.getByRole('tab', { name: 'Messages and shortcuts' });
    expect(await messagesTab.getAttribute('aria-selected')).toBe('true');
    expect(await messagesTab.evaluate((el) => el === document.activeElement)).toBe(true);

    const welcome = page.getByLabel('Welcome', { exact: true });
    await welcome.fill('Hi {userName}, I am {specialistName}.');
    await page.getByText('Unknown variable {specialistName}. Allowed here: {userName}, {projectName}.').waitFor();
    expect(await welcome.getAttribute('aria-invalid')).toBe('true');
    await welcome.fill('Hi {userName}, welcome to {projectName}!');
    await page.getByText(`Hi Alex Doe, welcome to ${world.project.name}!`).waitFor();

    await page.getByRole('button', { name: 'Add shortcut' }).click();
    const count = DEFAULT_SHORTCUTS.length + 1;
    const newKey = page.getByLabel(`Key of shortcut ${count}`);
    expect(await newKey.evaluate((el) => el === document.activeElement)).toBe(true);
    await newKey.fill('hello');
    await page.getByText('/hello is already used by shortcut 1.').waitFor();
    await page.getByRole('button', { name: 'Save messages and shortcuts' }).click();
    await page.getByText(/^Not saved: correct the/).waitFor();
    await newKey.fill(`vpn-${world.run}`);
    await page.getByLabel(`Text of shortcut ${count}`).fill('Please reconnect to the VPN, {userName}.');
    await page.getByText('Preview: Please reconnect to the VPN, Alex Doe.').waitFor();
    await page.getByRole('button', { name: 'Delete shortcut 4 /bye' }).click();
    await shot(page, 'admin-settings-messages-desktop');
    await page.getByRole('button', { name: 'Save messages and shortcuts' }).click();
    await page.getByText(/^Saved at /).waitFor();

    const stored = await world.data<ChatMessagesDoc>(paths.chatMessages());
    expect(stored?.messages.welcome).toBe('Hi {userName}, welcome to {projectName}!');
    expect(stored?.shortcuts.map((s) => s.key)).toEqual(['hello', 'wait', 'restart', `vpn-${world.run}`]);
    expect(stored?.updatedBy).toBe(world.admin.uid);

    await page.reload();
    await page.getByRole('tab', { name: 'Messages and shortcuts' }).waitFor();
    expect(await page.getByLabel('Welcome', { exact: true }).inputValue()).toBe(
      'Hi {userName}, welcome to {projectName}!',
    );
    expect(await page.getByLabel('Key of shortcut 4').inputValue()).toBe(`vpn-${world.run}`);
    expect(await page.getByLabel('Key of shortcut 5').count()).toBe(0);
  });

  it('associates a whole group at Level 2, changing a level, then erases a specialist', async () => {
    const page = await adminPage(`/admin/specialists${projectQuery()}`);
    const table = page.getByRole('table', { name: `Specialists of ${world.project.name}` });
    const row = (a: Account) => table.getByRole('row', { name: new RegExp(a.displayName) });
    await row(world.ben).getByText('Level 1', { exact: true }).waitFor();

    const add = page.getByRole('button', { name: 'Add specialists…' });
    const dialog = page.getByRole('dialog', { name: `Associate specialists with ${world.project.name}` });
    // Esc closes the dialog and gives focus back to what opened it.
    await add.click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);

    await add.click();
    await dialog.waitFor();
    await dialog.getByLabel('A whole group').check();
    await dialog.getByLabel('Group', { exact: true }).selectOption(world.group.id);
    await dialog.getByRole('radio', { name: /Level 2/ }).check();
    await dialog.getByText(`Adds 1 specialist at Level 2: ${world.ana.displayName}.`).waitFor();
    await dialog.getByText(`Changes ${world.ben.displayName} from Level 1 to Level 2 in this project`).waitFor();
    await shot(page, 'admin-specialists-dialog-desktop');
    await dialog.getByRole('button', { name: 'Associate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Added 1 specialist at Level 2: ${world.ana.displayName}.`).waitFor();

    await row(world.ana).getByText('Available', { exact: true }).waitFor();
    await row(world.ana).getByText('Level 2', { exact: true }).waitFor();
    await row(world.ana).getByText(world.group.name, { exact: true }).waitFor();
    await row(world.ben).getByText('Level 2', { exact: true }).waitFor();
    await row(world.cleo).getByText('Not connected', { exact: true }).waitFor();

    await page.getByRole('checkbox', { name: `Select ${world.cleo.displayName}` }).check();
    await page.getByRole('button', { name: 'Erase selected (1)' }).click();
    const confirm = page.getByRole('dialog', { name: `Erase a specialist from ${world.project.name}?` });
    await confirm.getByText(`${world.cleo.displayName} (Level 1)`).waitFor();
    await confirm.getByRole('button', { name: 'Erase', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    // Shown once the server confirmed the batch (the row goes at once, from the local write).
    await page.getByText(`Erased from ${world.project.name}: ${world.cleo.displayName}.`).waitFor();
    await row(world.cleo).waitFor({ state: 'detached' });

    const specialist = (a: Account) =>
      world.data<ProjectSpecialistDoc>(paths.projectSpecialist(world.project.id, a.uid));
    expect(await specialist(world.ana)).toMatchObject({ uid: world.ana.uid, level: 2, addedBy: world.admin.uid });
    expect((await specialist(world.ben))?.level).toBe(2);
    expect(await specialist(world.cleo)).toBeUndefined();

    await page.reload();
    await row(world.ana).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await shot(page, 'admin-specialists-desktop');
  });

  it('configures both chat-case circumstances, refusing templates with mandatory fields', async () => {
    const page = await adminPage(`/admin/settings/chat-cases${projectQuery()}`);
    const offline = page.getByRole('region', { name: 'Offline message from the user console' });
    const conversion = page.getByRole('region', { name: 'Conversion from the specialist console' });
    await offline.getByText('Not set up yet').waitFor();
    await conversion.getByText('Cases are not being created.').waitFor();
    expect(await textOf(conversion.getByRole('alert'))).toContain(
      `${world.templates.gained.name} has mandatory fields (IMPACT)`,
    );

    const offlineTemplate = offline.getByLabel('Case template');
    const mandatoryOption = offlineTemplate.locator(`option[value="${world.templates.mandatory.id}"]`);
    expect(await mandatoryOption.isDisabled()).toBe(true);
    expect(await textOf(mandatoryOption)).toContain('has mandatory fields; unavailable');
    await offline.getByText(`Unavailable: ${world.templates.mandatory.name} has mandatory fields (ITEM)`).waitFor();

    await offlineTemplate.selectOption(world.templates.simple.id);
    await offline.getByLabel('Case type').fill('request');
    await offline.getByLabel('Category').fill('Chat');
    await offline.getByLabel('Service').fill('Service desk');
    await offline.getByLabel('Priority').selectOption('high');
    await offline.getByLabel('Group').selectOption(world.group.id);
    const subject = offline.getByLabel('Subject pattern');
    await subject.fill('Chat: {ticket}');
    await offline.getByText('Unknown variable {ticket}.', { exact: false }).waitFor();
    await subject.fill('Offline: {firstLine} ({userName})');
    await offline.getByText('Preview: Offline: My laptop cannot connect to the VPN (Alex Doe)').waitFor();
    await offline.getByRole('button', { name: 'Save' }).click();
    await offline.getByText(/^Saved at /).waitFor();

    await conversion.getByLabel('Case template').selectOption(world.templates.simple.id);
    await conversion.getByLabel('Case type').fill('incident');
    await conversion.getByLabel('Subject pattern').fill('Converted: {firstLine}');
    await conversion.getByRole('button', { name: 'Save' }).click();
    await conversion.getByText(/^Saved at /).waitFor();
    await conversion.getByText('Cases are not being created.').waitFor({ state: 'detached' });
    await shot(page, 'admin-chat-cases-desktop');

    const config = (c: 'offline' | 'conversion') => world.data<CaseConfigDoc>(paths.caseConfig(world.project.id, c));
    expect(await config('offline')).toMatchObject({
      templateId: world.templates.simple.id,
      defaults: { type: 'request', category: 'Chat', service: 'Service desk', priority: 'high', group: world.group.id },
      subjectPattern: 'Offline: {firstLine} ({userName})',
      updatedBy: world.admin.uid,
    });
    expect(await config('conversion')).toMatchObject({
      templateId: world.templates.simple.id,
      defaults: { type: 'incident', group: world.group.id },
      subjectPattern: 'Converted: {firstLine}',
    });

    await page.reload();
    await offline.getByLabel('Case type').waitFor();
    expect(await offline.getByLabel('Case template').inputValue()).toBe(world.templates.simple.id);
    expect(await offline.getByLabel('Priority').inputValue()).toBe('high');
    expect(await conversion.getByLabel('Subject pattern').inputValue()).toBe('Converted: {firstLine}');
    expect(await page.getByText('Not set up yet').count()).toBe(0);
  });

  it('creates, edits and deletes a case template, and chat cases stop offering it once a field is mandatory', async () => {
    const page = await adminPage('/admin/case-templates');
    const name = `Created ${world.run}`;
    await page.getByRole('button', { name: 'New template' }).click();
    const editor = page.getByRole('region', { name: 'New template' });
    await editor.getByLabel('Name').fill(name);
    await editor.getByLabel('Key of field 1').fill('summary');
    await editor.getByLabel('Label of field 1').fill('Summary');
    await editor.getByRole('button', { name: 'Add field' }).click();
    await editor.getByLabel('Key of field 2').fill('summary');
    await editor.getByText('summary is already used by field 1.').waitFor();
    await editor.getByLabel('Key of field 2').fill('serial');
    await editor.getByLabel('Label of field 2').fill('Serial number');
    await editor.screenshot({ path: join(SCREENSHOTS, 'admin-template-editor-desktop.png') });
    await editor.getByRole('button', { name: 'Create template' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.getByText('Usable').waitFor();
    await page.getByText(`Created template ${name}.`).waitFor();
    const [id] = await world.templateIdsNamed(name);
    expect(await world.data<CaseTemplateDoc>(paths.caseTemplate(id!))).toMatchObject({
      name,
      fields: [
        { key: 'summary', label: 'Summary', mandatory: false },
        { key: 'serial', label: 'Serial number', mandatory: false },
      ],
    });

    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('region', { name: `Edit template ${name}` });
    await edit.getByText("No project's chat cases use this template.").waitFor();
    await edit.getByRole('checkbox', { name: 'Mandatory field 2' }).check();
    await edit.getByRole('button', { name: 'Save template' }).click();
    await row.getByText('Not usable').waitFor();
    expect((await world.data<CaseTemplateDoc>(paths.caseTemplate(id!)))?.fields[1]?.mandatory).toBe(true);
    await shot(page, 'admin-case-templates-desktop');

    await row.getByRole('button', { name: `Delete ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete template ${name}?` });
    await confirm.getByText("No project's chat cases use this template.").waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await waitFor(
      () => world.data<CaseTemplateDoc>(paths.caseTemplate(id!)),
      (doc) => doc === undefined,
      { what: 'the template to be deleted' },
    );
  });

  it('fits every admin screen into 360 px without sideways scrolling', async () => {
    const screens = [
      ['/admin', 'admin-overview-phone'],
      [`/admin/settings/chat${projectQuery()}`, 'admin-settings-phone'],
      [`/admin/settings/chat${projectQuery()}&tab=messages`, 'admin-messages-phone'],
      [`/admin/specialists${projectQuery()}`, 'admin-specialists-phone'],
      [`/admin/settings/chat-cases${projectQuery()}`, 'admin-chat-cases-phone'],
      ['/admin/case-templates', 'admin-case-templates-phone'],
    ] as const;
    const page = await adminPage('/admin', PHONE);
    for (const [path, name] of screens) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /Loading|Checking/ })
        .first()
        .waitFor({ state: 'detached' });
      await shot(page, name);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    // Close-ups of the busiest parts, which a full-page phone shot shows too small to judge.
    await page.goto(`/admin/settings/chat${projectQuery()}&tab=messages`);
    await page
      .getByRole('region', { name: 'Shortcuts' })
      .screenshot({ path: join(SCREENSHOTS, 'admin-shortcuts-phone.png') });
    await page.getByRole('tablist').screenshot({ path: join(SCREENSHOTS, 'admin-tabs-phone.png') });
    await page.goto(`/admin/specialists${projectQuery()}`);
    await page.getByRole('button', { name: 'Add specialists…' }).click();
    await page.getByRole('dialog').getByLabel('Find a specialist').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-specialists-dialog-phone.png') });
  });
});
