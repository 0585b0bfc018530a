// Chat cases against the emulators: offline messages become numbered cases,
// the assigned specialist converts a conversation, and retries never make a
// second case or burn a number.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { doc, serverTimestamp, writeBatch } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES, caseIdFor, COLLECTIONS, paths, type CaseCircumstance } from '$shared/catalogue';
import type {
  CaseConfigDoc,
  CaseDoc,
  CaseTemplateField,
  ChatSettingsDoc,
  ConversationDoc,
  MessageDoc,
  OfflineMessageDoc,
} from '$shared/model';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { closing, offlineMessageWrites } from '$shared/clientWrites';
import { startingConversation } from '$shared/conversationStart';
import { adminApp, cleanupApps, createAccount, signedInClient, type TestAccount } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { servedConversation } from '../support/conversations';
import { waitFor } from '../support/wait';

// Before the trigger module loads: its Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type OfflineTrigger = typeof import('../../functions/src/cases/onOfflineMessageCreated.fn');

let app: App;
let db: Firestore;
let user: TestAccount;
let specialist: TestAccount;
let otherSpecialist: TestAccount;
let offlineTrigger: OfflineTrigger;

const SUBJECT_PATTERN = 'Chat: {firstLine} ({userName})';
const CONVERTED = (n: number) => `This conversation has been converted into case #${n}.`;

beforeAll(async () => {
  // First: platform/admin only initialises the default app when no app exists yet.
  offlineTrigger = await import('../../functions/src/cases/onOfflineMessageCreated.fn');
  app = adminApp();
  db = getFirestore(app);
  [user, specialist, otherSpecialist] = await Promise.all([
    createAccount(app, 'user'),
    createAccount(app, 'specialist'),
    createAccount(app, 'specialist'),
  ]);
  const chat: ChatSettingsDoc = {
    enabled: true,
    general: DEFAULT_GENERAL_SETTINGS,
    revision: 1,
    updatedAt: Timestamp.now(),
    updatedBy: 'cases-test',
  };
  await db.doc(paths.chatSettings()).set(chat);
});
afterAll(async () => {
  functionsEnv.cleanup();
  await cleanupApps(app);
});

/** A project of its own (fresh case counter) with the user as member and both specialists at level 1. */
async function seedProject(templateFields: CaseTemplateField[] = [{ key: 'room', label: 'Room', mandatory: false }]) {
  const projectId = `cases-${randomUUID().slice(0, 8)}`;
  const templateId = `tpl-${projectId}`;
  const now = Timestamp.now();
  const batch = db.batch();
  batch.set(db.doc(paths.project(projectId)), {
    name: `Printers ${projectId}`,
    description: 'Test',
    lastCaseNumber: 0,
  });
  batch.set(db.doc(paths.member(projectId, user.uid)), { uid: user.uid, displayName: user.displayName, addedAt: now });
  for (const s of [specialist, otherSpecialist]) {
    batch.set(db.doc(paths.projectSpecialist(projectId, s.uid)), {
      uid: s.uid,
      displayName: s.displayName,
      level: 1,
      addedAt: now,
      addedBy: 'cases-test',
    });
  }
  batch.set(db.doc(paths.caseTemplate(templateId)), { name: 'Hardware', fields: templateFields, updatedAt: now });
  for (const circumstance of ['offline', 'conversion'] as CaseCircumstance[]) {
    const config: CaseConfigDoc = {
      templateId,
      defaults: { type: 'Incident', category: 'Chat', service: 'Printing', priority: 'medium', group: 'L1' },
      subjectPattern: SUBJECT_PATTERN,
      updatedAt: now,
      updatedBy: 'cases-test',
    };
    batch.set(db.doc(paths.caseConfig(projectId, circumstance)), config);
  }
  await batch.commit();
  return { projectId, templateId };
}

/**
 * A member waiting with nobody on duty (seeded as functions leave it), who then
 * leaves the message from their own client as the web app does, so the rules
 * apply. Returns the offline message's id, which is the conversation's.
 */
async function leaveOfflineMessage(projectId: string, text: string, author: TestAccount = user): Promise<string> {
  const conversationId = `offline-${randomUUID().slice(0, 8)}`;
  const now = Timestamp.now();
  const opener = { projectId, userId: author.uid, userName: author.displayName };
  await db
    .doc(paths.member(projectId, author.uid))
    .set({ uid: author.uid, displayName: author.displayName, addedAt: now });
  await db.doc(paths.conversation(conversationId)).set(startingConversation(opener, () => now));
  // Nobody is on duty in its line: the moment the user is offered to leave a message.
  await db
    .doc(paths.queue(projectId, 1))
    .set({ projectId, level: 1, head: 0, gone: [], nobodyAvailable: true, updatedAt: now });
  await db
    .doc(paths.projectChat(author.uid, projectId))
    .set({ conversationId, startedAt: now, offlineMessageAt: null });
  const { db: clientDb } = await signedInClient(author);
  const batch = writeBatch(clientDb);
  for (const write of [
    ...offlineMessageWrites(conversationId, opener, text, serverTimestamp),
    closing(conversationId, 'user', serverTimestamp),
  ]) {
    if (write.kind === 'set') batch.set(doc(clientDb, write.path), write.data);
    else batch.update(doc(clientDb, write.path), write.data);
  }
  await batch.commit();
  return conversationId;
}

const offlineMessage = async (id: string) => (await db.doc(paths.offlineMessage(id)).get()).data() as OfflineMessageDoc;

const settled = (id: string) =>
  waitFor(
    () => offlineMessage(id),
    (m) => m.caseNumber !== null || typeof m.caseError === 'string',
    { what: `offline message ${id} to get a case or an error` },
  );

const casesOf = async (projectId: string) =>
  (await db.collection(COLLECTIONS.cases).where('projectId', '==', projectId).get()).docs.map(
    (d) => d.data() as CaseDoc,
  );

const lastCaseNumber = async (projectId: string) =>
  (await db.doc(paths.project(projectId)).get()).get('lastCaseNumber');

describe('offline message -> case', () => {
  it("creates a case with the project's offline configuration and shows its number on the message", async () => {
    const { projectId, templateId } = await seedProject();
    const id = await leaveOfflineMessage(projectId, '\n  The printer on floor 2 jams  \nEvery morning.');
    const message = await settled(id);
    expect(message).toMatchObject({ caseId: caseIdFor('offline', id), caseNumber: 1, caseError: null });

    const created = (await db.doc(paths.case(caseIdFor('offline', id))).get()).data() as CaseDoc;
    expect(created).toMatchObject({
      projectId,
      number: 1,
      subject: `Chat: The printer on floor 2 jams (${user.displayName})`,
      templateId,
      defaults: { type: 'Incident', priority: 'medium' },
      circumstance: 'offline',
      sourceId: id,
      requesterId: user.uid,
      requesterName: user.displayName,
      description: '\n  The printer on floor 2 jams  \nEvery morning.',
      createdBy: 'system',
      // The inbox's fields; the offline message shares its conversation's id.
      status: 'new',
      assigneeId: null,
      assigneeName: null,
      revision: 0,
      conversationId: id,
    });
    expect(created.updatedAt.toMillis()).toBe(created.createdAt.toMillis());
    const trail = await db.doc(paths.caseHistory(caseIdFor('offline', id), 0)).get();
    expect(trail.data()).toMatchObject({
      revision: 0,
      kind: 'created',
      actorId: 'system',
      actorRole: 'system',
      status: { from: null, to: 'new' },
      visibility: 'all',
    });
    expect(await lastCaseNumber(projectId)).toBe(1);
  });

  it('numbers five concurrent offline messages 1 to 5 without gaps', async () => {
    const { projectId } = await seedProject();
    // One offline message per user every 10 minutes: five users.
    const authors = await Promise.all([1, 2, 3, 4, 5].map(() => createAccount(app, 'user')));
    const ids = await Promise.all(
      authors.map((author, n) => leaveOfflineMessage(projectId, `Message ${n + 1}`, author)),
    );
    const messages = await Promise.all(ids.map(settled));
    expect(messages.map((m) => m.caseError ?? null)).toEqual([null, null, null, null, null]);
    expect(messages.map((m) => m.caseNumber).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await casesOf(projectId)).map((c) => c.number).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await lastCaseNumber(projectId)).toBe(5);
  });

  it('keeps the message with the reason when the template has mandatory fields, and makes no case', async () => {
    const { projectId } = await seedProject([
      { key: 'asset', label: 'Asset tag', mandatory: true },
      { key: 'room', label: 'Room', mandatory: false },
    ]);
    const id = await leaveOfflineMessage(projectId, 'Please call me back');
    const message = await settled(id);
    expect(message).toMatchObject({ text: 'Please call me back', caseId: null, caseNumber: null });
    expect(message.caseError).toBe(
      'Template Hardware has mandatory fields (Asset tag); chat cases can only use templates without mandatory fields. An admin must choose another template in Creating chat cases.',
    );
    expect((await db.doc(paths.case(caseIdFor('offline', id))).get()).exists).toBe(false);
    expect(await lastCaseNumber(projectId)).toBe(0);
  });

  it('makes one case with one number when the trigger is delivered again, even concurrently', async () => {
    const { projectId } = await seedProject();
    const id = await leaveOfflineMessage(projectId, 'Delivered more than once');
    const wrapped = functionsEnv.wrap(offlineTrigger.onOfflineMessageCreated);
    const snapshot = await db.doc(paths.offlineMessage(id)).get();
    // The emulator delivers the event too: three deliveries racing.
    await Promise.all([1, 2].map(() => wrapped({ data: snapshot, params: { offlineMessageId: id } })));
    const message = await settled(id);
    await wrapped({ data: snapshot, params: { offlineMessageId: id } });

    expect(message.caseNumber).toBe(1);
    expect((await offlineMessage(id)).caseNumber).toBe(1);
    expect((await casesOf(projectId)).map((c) => c.sourceId)).toEqual([id]);
    expect(await lastCaseNumber(projectId)).toBe(1);
  });
});

describe('convertToCase', () => {
  /** An assigned conversation with user, specialist, system and staff-note messages a minute apart. */
  async function seedConversation(projectId: string) {
    const conversationId = `conv-${randomUUID().slice(0, 8)}`;
    const start = Date.now() - 10 * 60_000;
    const at = (minute: number) => Timestamp.fromMillis(start + minute * 60_000);
    const conversation = servedConversation(
      { projectId, userId: user.uid, userName: user.displayName },
      [
        {
          specialistId: specialist.uid,
          shownName: specialist.displayName,
          level: 1,
          startedAt: at(1),
          endedAt: null,
          firstResponseAt: at(2),
          outcome: 'active',
          convertedToCase: false,
        },
      ],
      { createdAt: at(0), queuedAt: at(0) },
    );
    const said = (author: TestAccount, text: string, minute: number, kind: 'text' | 'note' = 'text'): MessageDoc => ({
      authorId: author.uid,
      authorRole: author.role === 'user' ? 'user' : 'specialist',
      kind,
      visibility: kind === 'note' ? 'staff' : 'all',
      text,
      createdAt: at(minute),
    });
    const joined: MessageDoc = {
      ...said(specialist, `${specialist.displayName} has joined the conversation.`, 1),
      authorId: 'system',
      authorRole: 'system',
      kind: 'system',
    };
    const messages = [
      said(user, 'My badge does not open door 3', 0),
      joined,
      said(specialist, 'Which building?', 2),
      said(specialist, 'STAFF ONLY: badge system is down', 3, 'note'),
      said(user, 'Building B', 4),
    ];
    const batch = db.batch();
    batch.set(db.doc(paths.conversation(conversationId)), conversation);
    messages.forEach((m, i) => batch.set(db.doc(paths.message(conversationId, `m${i}`)), m));
    await batch.commit();
    const clock = (minute: number) => at(minute).toDate().toISOString().slice(11, 16);
    const transcript = [
      'Chat transcript (times in UTC):',
      `[${clock(0)}] ${user.displayName}: My badge does not open door 3`,
      `[${clock(1)}] Help desk: ${specialist.displayName} has joined the conversation.`,
      `[${clock(2)}] ${specialist.displayName}: Which building?`,
      `[${clock(4)}] ${user.displayName}: Building B`,
    ];
    return { conversationId, transcript };
  }

  async function convert(as: TestAccount, data: unknown) {
    const { functions } = await signedInClient(as);
    return (await httpsCallable(functions, CALLABLES.convertToCase)(data)).data as {
      caseId: string;
      caseNumber: number;
    };
  }

  const conversation = async (id: string) => (await db.doc(paths.conversation(id)).get()).data() as ConversationDoc;

  it('lets the assigned specialist convert: transcript without staff notes, number on the conversation, system message', async () => {
    const { projectId } = await seedProject();
    const { conversationId, transcript } = await seedConversation(projectId);
    const result = await convert(specialist, { conversationId });
    expect(result).toEqual({ caseId: caseIdFor('conversion', conversationId), caseNumber: 1 });

    const created = (await db.doc(paths.case(result.caseId)).get()).data() as CaseDoc;
    expect(created).toMatchObject({
      projectId,
      number: 1,
      circumstance: 'conversion',
      sourceId: conversationId,
      subject: `Chat: My badge does not open door 3 (${user.displayName})`,
      requesterId: user.uid,
      createdBy: specialist.uid,
      status: 'new',
      revision: 0,
      conversationId,
    });
    expect((await db.doc(paths.caseHistory(result.caseId, 0)).get()).data()).toMatchObject({
      kind: 'created',
      actorId: specialist.uid,
      actorName: specialist.displayName,
      actorRole: 'specialist',
    });
    // The conversation lifecycle may add its own system messages (welcome...): the
    // seeded lines must appear in order, and anything else must be from the help desk.
    const [heading, ...lines] = created.description.split('\n');
    expect(heading).toBe(transcript[0]);
    expect(lines.filter((line) => transcript.includes(line))).toEqual(transcript.slice(1));
    for (const extra of lines.filter((line) => !transcript.includes(line)))
      expect(extra).toMatch(/^\[\d\d:\d\d\] Help desk: /);
    expect(created.description).not.toContain('STAFF ONLY');

    const after = await conversation(conversationId);
    expect(after).toMatchObject({ caseId: result.caseId, caseNumber: 1 });
    expect(after.engagements.at(-1)?.convertedToCase).toBe(true);
    const notice = await db.doc(paths.message(conversationId, `system-case-${result.caseId}`)).get();
    expect(notice.data()).toMatchObject({
      authorRole: 'system',
      kind: 'system',
      visibility: 'all',
      text: CONVERTED(1),
    });
  });

  it('refuses a specialist who is not assigned, and changes nothing', async () => {
    const { projectId } = await seedProject();
    const { conversationId } = await seedConversation(projectId);
    await expect(convert(otherSpecialist, { conversationId })).rejects.toMatchObject({
      code: 'functions/permission-denied',
    });
    expect(await conversation(conversationId)).toMatchObject({ caseId: null, caseNumber: null });
    expect(await casesOf(projectId)).toEqual([]);
  });

  it('returns the same case when asked twice, without burning a number', async () => {
    const { projectId } = await seedProject();
    const { conversationId } = await seedConversation(projectId);
    const first = await convert(specialist, { conversationId });
    const second = await convert(specialist, { conversationId });
    expect(second).toEqual(first);
    expect(await casesOf(projectId)).toHaveLength(1);
    expect(await lastCaseNumber(projectId)).toBe(1);
    const notices = await db
      .collection(`${paths.conversation(conversationId)}/messages`)
      .where('text', '==', CONVERTED(1))
      .get();
    expect(notices.size).toBe(1);
  });

  it('refuses with the configuration problem when the template has mandatory fields', async () => {
    const { projectId } = await seedProject([{ key: 'asset', label: 'Asset tag', mandatory: true }]);
    const { conversationId } = await seedConversation(projectId);
    await expect(convert(specialist, { conversationId })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
      message: expect.stringContaining('Template Hardware has mandatory fields (Asset tag)'),
    });
    expect(await conversation(conversationId)).toMatchObject({ caseId: null, caseNumber: null });
    expect(await lastCaseNumber(projectId)).toBe(0);
  });

  it('answers a user, an unknown conversation and a bad payload precisely', async () => {
    const { projectId } = await seedProject();
    const { conversationId } = await seedConversation(projectId);
    await expect(convert(user, { conversationId })).rejects.toMatchObject({ code: 'functions/permission-denied' });
    await expect(convert(specialist, { conversationId: 'no-such-conversation' })).rejects.toMatchObject({
      code: 'functions/not-found',
    });
    await expect(convert(specialist, { conversation: conversationId })).rejects.toMatchObject({
      code: 'functions/invalid-argument',
    });
  });

  it('refuses a closed conversation that has no case', async () => {
    const { projectId } = await seedProject();
    const { conversationId } = await seedConversation(projectId);
    await db
      .doc(paths.conversation(conversationId))
      .update({ status: 'closed', closedAt: Timestamp.now(), closedBy: 'user' });
    await expect(convert(specialist, { conversationId })).rejects.toMatchObject({
      code: 'functions/failed-precondition',
    });
    expect(await casesOf(projectId)).toEqual([]);
  });
});
