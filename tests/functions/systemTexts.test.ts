// Every system message an admin can edit (Messages and shortcuts) is the one
// the chat actually posts: with the admin's own wording stored, each event
// writes that text, its variables filled, into the conversation the user's and
// the specialist's screens render. One test per text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import functionsTest from 'firebase-functions-test';
import { doc, serverTimestamp, writeBatch } from 'firebase/firestore';
import { httpsCallable } from 'firebase/functions';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { App } from 'firebase-admin/app';
import { CALLABLES, paths } from '$shared/catalogue';
import type { ChatMessagesDoc, SystemMessageKey } from '$shared/model';
import { DEFAULT_SHORTCUTS, SYSTEM_MESSAGE_KEYS } from '$shared/settings';
import { closing, offlineMessageWrites } from '$shared/clientWrites';
import { adminApp, cleanupApps, signedInClient, type TestAccount } from '../support/admin';
import { PROJECT_ID } from '../support/emulators';
import { waitFor } from '../support/wait';
import {
  addMember,
  addSpecialist,
  closeAs,
  messagesOf,
  seedProject,
  setPresence,
  startConversation,
  useChatSettings,
  waitForConversation,
} from './routingSupport';

// Before the sweep module loads: its Admin SDK app reads the project from here.
const functionsEnv = functionsTest({ projectId: PROJECT_ID });
type Sweep = typeof import('../../functions/src/conversations/sweepConversations.fn');

const WARN_S = 300;
const CLOSE_S = 600;

/** The admin's wording: a marker per text and every variable that text may use. */
const CUSTOM: Record<SystemMessageKey, string> = {
  welcome: '[welcome] {userName} in {projectName}',
  queued: '[queued] {userName} is number {position} in {projectName}',
  specialistJoined: '[joined] {specialistName} serves {userName}',
  transferred: '[transferred] to {specialistName} for {userName}',
  queuedForLevel2: '[level 2 line] {userName} is number {position}',
  nobodyAvailable: '[nobody] sorry {userName}, {projectName} is empty',
  offlineReceived: '[offline] {userName}: case #{caseNumber} in {projectName}',
  closed: '[closed] bye {userName} from {projectName}',
  ratingRequest: '[rating] rate {specialistName}, {userName}',
  inactivityWarning: '[inactive] still there, {userName}?',
};

let app: App;
let db: Firestore;
let sweep: Sweep;
let restoreSettings: () => Promise<void>;
let restoreTexts: () => Promise<void>;

beforeAll(async () => {
  sweep = await import('../../functions/src/conversations/sweepConversations.fn');
  app = adminApp();
  db = getFirestore(app);
  restoreSettings = await useChatSettings(db, {
    maxConversationsPerSpecialist: 3,
    inactivityWarningSeconds: WARN_S,
    inactivityCloseSeconds: CLOSE_S,
    ratingEnabled: true,
    showSpecialistName: true,
  });
  const ref = db.doc(paths.chatMessages());
  const previous = await ref.get();
  const texts: ChatMessagesDoc = {
    messages: CUSTOM,
    shortcuts: DEFAULT_SHORTCUTS,
    revision: ((previous.get('revision') as number | undefined) ?? 0) + 1,
    updatedAt: Timestamp.now(),
    updatedBy: 'system-texts-test',
  } as ChatMessagesDoc;
  await ref.set(texts);
  restoreTexts = async () => {
    if (previous.exists) await ref.set(previous.data()!);
    else await ref.delete();
  };
});
afterAll(async () => {
  await restoreTexts();
  await restoreSettings();
  functionsEnv.cleanup();
  await cleanupApps(app);
});

/** The text of the system message at `id` once it is there. */
const said = (conversationId: string, id: string) =>
  waitFor(
    async () => (await messagesOf(db, conversationId)).find((m) => m.id === id)?.text,
    (text) => text !== undefined,
    { what: `${id} in ${conversationId}` },
  );

async function served(prefix: string) {
  const project = await seedProject(db, prefix);
  const specialist = await addSpecialist(app, db, project.projectId, 1);
  const user = await addMember(app, db, project.projectId);
  const conversationId = await startConversation(user, project.projectId);
  await waitForConversation(db, conversationId, (c) => c.status === 'assigned', 'assignment');
  return { ...project, specialist, user, conversationId };
}

const transfer = async (as: TestAccount, conversationId: string) => {
  const { functions } = await signedInClient(as);
  return httpsCallable(functions, CALLABLES.transferToLevel2)({ conversationId, note: '' });
};

describe('admin-edited system texts reach the conversation', () => {
  it('covers every editable text', () => {
    expect(Object.keys(CUSTOM).sort()).toEqual([...SYSTEM_MESSAGE_KEYS].sort());
  });

  it('welcome and specialistJoined', async () => {
    const { name, specialist, user, conversationId } = await served('texts-welcome');
    expect(await said(conversationId, 'system-welcome')).toBe(`[welcome] ${user.displayName} in ${name}`);
    expect(await said(conversationId, 'system-joined-1')).toBe(
      `[joined] ${specialist.displayName} serves ${user.displayName}`,
    );
  });

  it('queued, with the position', async () => {
    const { projectId, name } = await seedProject(db, 'texts-queued');
    const specialist = await addSpecialist(app, db, projectId, 1);
    await db
      .doc(paths.specialistLoad(specialist.uid))
      .set({ activeConversationIds: ['a', 'b', 'c'], updatedAt: new Date() });
    const user = await addMember(app, db, projectId);
    const conversationId = await startConversation(user, projectId);
    expect(await said(conversationId, 'system-queued')).toBe(`[queued] ${user.displayName} is number 1 in ${name}`);
  });

  it('nobodyAvailable', async () => {
    const { projectId, name } = await seedProject(db, 'texts-nobody');
    await addSpecialist(app, db, projectId, 1, 'away');
    const user = await addMember(app, db, projectId);
    const conversationId = await startConversation(user, projectId);
    expect(await said(conversationId, 'system-nobody-available')).toBe(
      `[nobody] sorry ${user.displayName}, ${name} is empty`,
    );
  });

  it('transferred', async () => {
    const { projectId, specialist, user, conversationId } = await served('texts-transfer');
    const level2 = await addSpecialist(app, db, projectId, 2);
    await transfer(specialist, conversationId);
    expect(await said(conversationId, 'system-transferred-2')).toBe(
      `[transferred] to ${level2.displayName} for ${user.displayName}`,
    );
  });

  it('queuedForLevel2, with the position', async () => {
    const { projectId, specialist, user, conversationId } = await served('texts-level2-line');
    await addSpecialist(app, db, projectId, 2, 'away');
    await transfer(specialist, conversationId);
    expect(await said(conversationId, 'system-queued-1')).toBe(`[level 2 line] ${user.displayName} is number 1`);
  });

  it('closed and ratingRequest', async () => {
    const { name, specialist, user, conversationId } = await served('texts-closed');
    await closeAs(user, conversationId, 'user');
    expect(await said(conversationId, 'system-closed')).toBe(`[closed] bye ${user.displayName} from ${name}`);
    expect(await said(conversationId, 'system-rating-request')).toBe(
      `[rating] rate ${specialist.displayName}, ${user.displayName}`,
    );
  });

  it('inactivityWarning', async () => {
    const { projectId, specialist, user, conversationId } = await served('texts-inactive');
    const assigned = await waitForConversation(db, conversationId, (c) => c.assignedAt !== null, 'assigned');
    const warnAt = assigned.assignedAt!.toMillis() + WARN_S * 1000 + 1_000;
    await setPresence(db, specialist.uid, 'available', warnAt);
    expect((await sweep.sweepOnce(warnAt, { projectId })).warned).toEqual([conversationId]);
    const warning = (await messagesOf(db, conversationId)).find((m) => m.id.startsWith('system-inactivity'));
    expect(warning?.text).toBe(`[inactive] still there, ${user.displayName}?`);
  });

  it('offlineReceived, with the case number', async () => {
    const { projectId, name } = await seedProject(db, 'texts-offline');
    await addSpecialist(app, db, projectId, 1, 'away');
    const templateId = `tpl-${projectId}`;
    const now = Timestamp.now();
    await db.doc(paths.caseTemplate(templateId)).set({ name: 'Chat', fields: [], updatedAt: now });
    await db.doc(paths.caseConfig(projectId, 'offline')).set({
      templateId,
      defaults: { type: 'Incident', category: 'Chat', service: 'Desk', priority: 'medium', group: 'L1' },
      subjectPattern: 'Chat: {firstLine}',
      updatedAt: now,
      updatedBy: 'system-texts-test',
    });
    const user = await addMember(app, db, projectId);
    const conversationId = await startConversation(user, projectId);
    await said(conversationId, 'system-nobody-available');
    // What the web app writes when the user leaves a message: the message, the slot's stamp, the close.
    const { db: client } = await signedInClient(user);
    const batch = writeBatch(client);
    const opener = { projectId, userId: user.uid, userName: user.displayName };
    for (const write of [
      ...offlineMessageWrites(conversationId, opener, 'Call me back, please.', serverTimestamp),
      closing(conversationId, 'user', serverTimestamp),
    ]) {
      if (write.kind === 'set') batch.set(doc(client, write.path), write.data);
      else batch.update(doc(client, write.path), write.data);
    }
    await batch.commit();
    expect(await said(conversationId, 'system-offline-received')).toBe(
      `[offline] ${user.displayName}: case #1 in ${name}`,
    );
  });
});
