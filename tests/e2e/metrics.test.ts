// What an admin sees on the metrics screen after real conversations: seeded
// through the Admin SDK as served conversations, closed, rated, and counted by
// the deployed triggers. The admin reads the expected numbers, opens View
// detail and reads a transcript with its system events and staff note.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { paths } from '$shared/catalogue';
import type {
  ChatSettingsDoc,
  ConversationDoc,
  Engagement,
  MessageDoc,
  RatingDoc,
  SpecialistStatsDoc,
} from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { ROOT } from '../support/emulators';
import { waitFor } from '../support/wait';
import { BASE_URL, chromiumPath, launchBrowser } from './support/browser';
import { servedConversation } from '../support/conversations';
import { signIn } from './support/pages';
import { createAccount, emulatorApp } from './support/people';

const SCREENSHOTS = join(ROOT, 'tests', '.reports', 'e2e');
// Days no other suite writes statistics for, so every other specialist's bucket query comes back empty.
const D0 = '2026-01-20';
const D1 = '2026-01-21';
const ts = (iso: string) => Timestamp.fromMillis(Date.parse(iso));

const run = randomUUID().slice(0, 8);
const admin = {
  uid: `e2e-metrics-admin-${run}`,
  email: `e2e-metrics-admin-${run}@test.example`,
  password: `pw-${randomUUID()}`,
  displayName: `Ada ${run}`,
};
const ann = { uid: `e2e-metrics-ann-${run}`, name: `Ann Metrics ${run}` };
const cy = { uid: `e2e-metrics-cy-${run}`, name: `Cy Metrics ${run}` };
const projectId = `e2e-metrics-${run}`;
const conversationId = (n: number) => `e2e-metrics-${run}-c${n}`;
const userName = (n: number) => `Uma ${n} ${run}`;

let app: App;
let db: Firestore;

function engagement(
  who: { uid: string; name: string },
  level: 1 | 2,
  start: string,
  extra: Partial<Engagement> = {},
): Engagement {
  return {
    specialistId: who.uid,
    shownName: who.name,
    level,
    startedAt: ts(start),
    endedAt: null,
    firstResponseAt: null,
    outcome: 'active',
    convertedToCase: false,
    ...extra,
  };
}

/** Writes a conversation as routing leaves it (being served), then closes it as its user would. */
async function serveAndClose(
  n: number,
  user: number,
  engagements: Engagement[],
  closedAt: string,
  extra: Partial<ConversationDoc> = {},
) {
  const conversation = servedConversation(
    { projectId, userId: `e2e-metrics-user${user}-${run}`, userName: userName(user) },
    engagements,
    extra,
  );
  const ref = db.doc(paths.conversation(conversationId(n)));
  await ref.set(conversation);
  await ref.update({ status: 'closed', closedAt: ts(closedAt), closedBy: 'user' });
}

function message(n: number, id: string, fields: Omit<MessageDoc, 'createdAt'> & { at: string }) {
  const { at, ...rest } = fields;
  return db.doc(paths.message(conversationId(n), id)).set({ ...rest, createdAt: ts(at) });
}

function rate(n: number, specialistId: string, score: RatingDoc['score'], comment: string, at: string) {
  const rating: RatingDoc = {
    conversationId: conversationId(n),
    projectId,
    userId: `u-${n}`,
    specialistId,
    score,
    comment,
    createdAt: ts(at),
  };
  return db.doc(paths.rating(conversationId(n))).set(rating);
}

async function seed() {
  app = emulatorApp(`e2e-metrics-${run}`);
  db = getFirestore(app);
  await createAccount(app, admin, 'admin');
  const chat: ChatSettingsDoc = {
    enabled: true,
    general: { ...DEFAULT_GENERAL_SETTINGS, firstResponseTargetSeconds: 60, ratingEnabled: true },
    revision: 1,
    updatedAt: Timestamp.now(),
    updatedBy: admin.uid,
  };
  await db.doc(paths.chatSettings()).set(chat);
  await db.doc(paths.project(projectId)).set({ name: `Metrics Project ${run}`, description: '', lastCaseNumber: 1 });
  for (const [who, level] of [
    [ann, 1],
    [cy, 2],
  ] as const) {
    await db
      .doc(paths.user(who.uid))
      .set({ displayName: who.name, email: `${who.uid}@test.example`, role: 'specialist' });
    await db
      .doc(paths.projectSpecialist(projectId, who.uid))
      .set({ uid: who.uid, displayName: who.name, level, addedAt: Timestamp.now(), addedBy: admin.uid });
  }

  // c1: Ann answers in 30 s and transfers; Cy picks up in 60 s and converts it into case #1.
  await message(1, 'm1', {
    authorId: 'u1',
    authorRole: 'user',
    kind: 'text',
    visibility: 'all',
    text: 'My printer is on fire',
    at: `${D0}T10:00:10Z`,
  });
  await message(1, 'm2', {
    authorId: ann.uid,
    authorRole: 'specialist',
    kind: 'text',
    visibility: 'all',
    text: 'Let me get a colleague.',
    at: `${D0}T10:00:30Z`,
  });
  await message(1, 'note-transfer-2', {
    authorId: ann.uid,
    authorRole: 'specialist',
    kind: 'note',
    visibility: 'staff',
    text: 'Model X, restart did not help.',
    at: `${D0}T10:02:00Z`,
  });
  await message(1, 'system-transferred-2', {
    authorId: 'system',
    authorRole: 'system',
    kind: 'system',
    visibility: 'all',
    text: `Your conversation has been transferred to a level 2 specialist, ${cy.name}.`,
    at: `${D0}T10:02:00Z`,
  });
  await serveAndClose(
    1,
    1,
    [
      engagement(ann, 1, `${D0}T10:00:00Z`, {
        firstResponseAt: ts(`${D0}T10:00:30Z`),
        endedAt: ts(`${D0}T10:02:00Z`),
        outcome: 'transferred',
      }),
      engagement(cy, 2, `${D0}T10:02:00Z`, { firstResponseAt: ts(`${D0}T10:03:00Z`), convertedToCase: true }),
    ],
    `${D0}T10:12:00Z`,
    { caseId: `conversion_${conversationId(1)}`, caseNumber: 1 },
  );
  // c2: Ann answers in 90 s (over the 60 s target); c3, another user on the next day: 20 s.
  await serveAndClose(
    2,
    1,
    [engagement(ann, 1, `${D0}T11:00:00Z`, { firstResponseAt: ts(`${D0}T11:01:30Z`) })],
    `${D0}T11:10:00Z`,
  );
  await serveAndClose(
    3,
    2,
    [engagement(ann, 1, `${D1}T09:00:00Z`, { firstResponseAt: ts(`${D1}T09:00:20Z`) })],
    `${D1}T09:05:00Z`,
  );
  await Promise.all([
    rate(1, cy.uid, 5, 'Solved it, thanks', `${D0}T10:13:00Z`),
    rate(2, ann.uid, 2, 'Slow to answer', `${D0}T11:11:00Z`),
    rate(3, ann.uid, 4, 'Nice', `${D1}T09:06:00Z`),
  ]);
  const stats = async (uid: string) =>
    (await db.doc(paths.specialistStats(uid)).get()).data() as SpecialistStatsDoc | undefined;
  await waitFor(
    async () => [await stats(ann.uid), await stats(cy.uid)],
    ([a, c]) => a?.engagements === 3 && a.ratingCount === 2 && c?.engagements === 1 && c.ratingCount === 1,
    { what: 'the triggers to count the seeded conversations and ratings', timeoutMs: 45_000 },
  );
}

describe.skipIf(!chromiumPath)('admin metrics', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await seed();
    browser = await launchBrowser();
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await signIn(page, admin);
    await page.waitForURL('**/admin');
  });

  afterAll(async () => {
    await browser?.close();
    if (app) await deleteApp(app);
  });

  /** The row's cells keyed by their column heading. */
  async function rowOf(table: Locator, name: string): Promise<Record<string, string>> {
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
    return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
  }

  it('shows the expected numbers per specialist for the chosen UTC days, at a bounded read cost', async () => {
    await page.goto(`/admin/metrics?from=${D0}&to=${D1}`);
    await page.getByRole('heading', { name: `All projects, ${D0} to ${D1} (UTC)` }).waitFor();
    const table = page.getByRole('table', { name: /Specialists and their statistics/ });
    await table.getByRole('rowheader', { name: ann.name, exact: true }).waitFor();

    expect(await rowOf(table, ann.name)).toMatchObject({
      'Attended L1': '3',
      'Attended L2': '0',
      'Transferred out': '1',
      'Transferred in': '0',
      'Converted to cases': '0',
      'Escalation rate (L1)': '33%',
      'Average rating': '3.00',
      Ratings: '2',
      'Ratings 1-5': '1★ 0 · 2★ 1 · 3★ 0 · 4★ 1 · 5★ 0',
      'Satisfaction (4-5)': '50%',
      'Avg first response': '47 s',
      'Avg duration': '5 min 40 s',
      'Within target': '67%',
      'L2 pickup time': '—',
      Availability: 'Offline',
    });
    expect(await rowOf(table, cy.name)).toMatchObject({
      'Attended L1': '0',
      'Attended L2': '1',
      'Transferred in': '1',
      'Converted to cases': '1',
      'Escalation rate (L1)': '—',
      'Average rating': '5.00',
      'Satisfaction (4-5)': '100%',
      'Avg first response': '1 min 00 s',
      'Avg duration': '10 min 00 s',
      'Within target': '100%',
      'L2 pickup time': '1 min 00 s',
    });

    // One list query (one read per specialist), one bucket query per specialist (an empty one
    // costs one read; Ann has two days, Cy one), one presence read per specialist, and one
    // specialistLoad read each once the rules let admins read it.
    const reads = (await page.getByTestId('metrics-reads').textContent()) ?? '';
    const [, total, specialists, days] = /Read (\d+) documents for (\d+) specialists over (\d+) days/.exec(reads) ?? [];
    const perSpecialist = reads.includes('may not read specialist load') ? 3 : 4;
    expect(Number(days)).toBe(2);
    expect(Number(total)).toBe(perSpecialist * Number(specialists) + 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'metrics-table.png'), fullPage: true });
  });

  it('narrows to one day at the UTC midnight boundary and sorts by a column', async () => {
    await page.goto(`/admin/metrics?from=${D1}&to=${D1}`);
    const table = page.getByRole('table', { name: /Specialists and their statistics/ });
    await table.getByRole('rowheader', { name: ann.name, exact: true }).waitFor();
    expect(await rowOf(table, ann.name)).toMatchObject({
      'Attended L1': '1',
      'Average rating': '4.00',
      'Avg first response': '20 s',
    });
    expect(await rowOf(table, cy.name)).toMatchObject({ 'Attended L2': '0', Ratings: '0' });

    await table.getByRole('button', { name: 'Attended L1' }).click();
    expect(await table.getByRole('columnheader', { name: 'Attended L1' }).getAttribute('aria-sort')).toBe('descending');
    const first = await table.locator('tbody tr').first().getByRole('rowheader').textContent();
    expect(first).toBe(ann.name);
  });

  it('opens View detail: numbers, conversations grouped by user, ratings with comments, then a transcript', async () => {
    await page.goto(`/admin/metrics?from=${D0}&to=${D1}`);
    const table = page.getByRole('table', { name: /Specialists and their statistics/ });
    await table.getByRole('link', { name: `View detail of ${ann.name}` }).click();
    await page.getByRole('heading', { level: 1, name: ann.name }).waitFor();
    await page.getByRole('heading', { level: 3, name: userName(1) }).waitFor();
    await page.getByRole('heading', { level: 3, name: userName(2) }).waitFor();
    const firstUser = page.getByRole('table', { name: `Conversations of ${userName(1)}` });
    expect(await firstUser.locator('tbody tr').count()).toBe(2);
    await firstUser.getByRole('row').filter({ hasText: 'Transferred to level 2' }).waitFor();
    await page.getByText('Slow to answer').waitFor();
    await page.getByText('Nice', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'metrics-detail.png'), fullPage: true });

    await firstUser
      .getByRole('row')
      .filter({ hasText: 'Transferred to level 2' })
      .getByRole('link', { name: /Open transcript/ })
      .click();
    await page.getByRole('heading', { name: 'Conversation transcript' }).waitFor();
    await page.getByText('My printer is on fire').waitFor();
    await page.getByText('Model X, restart did not help.').waitFor();
    await page.getByText(`Your conversation has been transferred to a level 2 specialist, ${cy.name}.`).waitFor();
    // Posted by the closing function when the user closed the conversation.
    await page.getByText(/The conversation has been closed/).waitFor();
    expect(await page.getByText('Staff note').count()).toBe(1);
    expect(await page.getByText('System event').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'metrics-transcript.png'), fullPage: true });
  });
});
