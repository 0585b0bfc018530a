// Seeding and probing shared by the routing, transfer and lifecycle tests:
// each test builds its own project, people and presence, and writes
// conversations the way the web app does (a signed-in member, under the rules).
import { randomUUID } from 'node:crypto';
import type { App } from 'firebase-admin/app';
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { doc, serverTimestamp, updateDoc, writeBatch } from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, paths, type Level } from '$shared/catalogue';
import type {
  ChatSettingsDoc,
  ConversationDoc,
  GeneralSettings,
  MessageDoc,
  QueueDoc,
  SpecialistLoadDoc,
} from '$shared/model';
import { queuePosition } from '$shared/queueLine';
import { DEFAULT_GENERAL_SETTINGS } from '$shared/settings';
import { startingConversation } from '$shared/conversationStart';
import { takeChatSlot } from '$shared/clientWrites';
import { createAccount, signedInClient, type TestAccount } from '../support/admin';
import { waitFor } from '../support/wait';

/**
 * settings/chat is one shared document: set what this file needs and return
 * the function that puts the previous value back.
 */
export async function useChatSettings(db: Firestore, general: Partial<GeneralSettings> = {}, enabled = true) {
  const ref = db.doc(paths.chatSettings());
  const previous = await ref.get();
  const chat: ChatSettingsDoc = {
    enabled,
    general: { ...DEFAULT_GENERAL_SETTINGS, ...general },
    revision: ((previous.get('revision') as number | undefined) ?? 0) + 1,
    updatedAt: Timestamp.now(),
    updatedBy: 'routing-tests',
  };
  await ref.set(chat);
  return async () => {
    if (previous.exists) await ref.set(previous.data()!);
    else await ref.delete();
  };
}

export async function seedProject(db: Firestore, prefix: string): Promise<{ projectId: string; name: string }> {
  const projectId = `${prefix}-${randomUUID().slice(0, 8)}`;
  const name = `Project ${projectId}`;
  await db.doc(paths.project(projectId)).set({ name, description: 'Routing test', lastCaseNumber: 0 });
  return { projectId, name };
}

export type Presence = 'available' | 'away' | 'offline';

/** Stamps one connection at `atMs` (default now); 'offline' leaves no connection. */
export async function setPresence(db: Firestore, uid: string, presence: Presence, atMs = Date.now()) {
  await db.doc(paths.presence(uid)).set({
    choice: presence === 'away' ? 'away' : 'available',
    connections: presence === 'offline' ? {} : { [`tab-${uid}`]: Timestamp.fromMillis(atMs) },
    updatedAt: Timestamp.fromMillis(atMs),
  });
}

/** A specialist account serving `projectId` at `level`, with presence set first so routing sees it. */
export async function addSpecialist(
  app: App,
  db: Firestore,
  projectId: string,
  level: Level,
  presence: Presence = 'available',
) {
  const account = await createAccount(app, 'specialist');
  await setPresence(db, account.uid, presence);
  await db.doc(paths.projectSpecialist(projectId, account.uid)).set({
    uid: account.uid,
    displayName: account.displayName,
    level,
    addedAt: Timestamp.now(),
    addedBy: 'routing-tests',
  });
  return account;
}

export async function addMember(app: App, db: Firestore, projectId: string): Promise<TestAccount> {
  const account = await createAccount(app, 'user');
  await db
    .doc(paths.member(projectId, account.uid))
    .set({ uid: account.uid, displayName: account.displayName, addedAt: Timestamp.now() });
  return account;
}

/**
 * What the web app writes to start a chat: the user's chat slot in the project
 * and the conversation, in one batch; the rules check every field. Each test
 * member starts one conversation per project (the slot holds one open at a time).
 */
export async function startConversation(user: TestAccount, projectId: string): Promise<string> {
  const { db } = await signedInClient(user);
  const id = `conv-${randomUUID().slice(0, 12)}`;
  const slot = takeChatSlot(user.uid, projectId, id, serverTimestamp, false);
  const batch = writeBatch(db);
  batch.set(doc(db, slot.path), slot.data);
  batch.set(
    doc(db, paths.conversation(id)),
    startingConversation({ projectId, userId: user.uid, userName: user.displayName }, serverTimestamp),
  );
  await batch.commit();
  return id;
}

/** Closes as the owner user or the assigned specialist would, under the rules. */
export async function closeAs(account: TestAccount, conversationId: string, side: 'user' | 'specialist') {
  const { db } = await signedInClient(account);
  await updateDoc(doc(db, paths.conversation(conversationId)), {
    status: 'closed',
    closedAt: serverTimestamp(),
    closedBy: side,
  });
}

export async function readConversation(db: Firestore, id: string): Promise<ConversationDoc> {
  return (await db.doc(paths.conversation(id)).get()).data() as ConversationDoc;
}

/** A project's waiting line (its tickets), as the user's screen reads it. */
export async function readLine(db: Firestore, projectId: string, level: Level): Promise<QueueDoc | undefined> {
  return (await db.doc(paths.queue(projectId, level)).get()).data() as QueueDoc | undefined;
}

/** The place the user's screen shows: from the conversation's ticket and its line. */
export async function placeOf(db: Firestore, id: string): Promise<number | null> {
  const conversation = await readConversation(db, id);
  return queuePosition(conversation, await readLine(db, conversation.projectId, conversation.level));
}

export function waitForPlace(db: Firestore, id: string, place: number, what: string) {
  return waitFor(
    () => placeOf(db, id),
    (p) => p === place,
    { what, timeoutMs: 30_000 },
  );
}

export function waitForConversation(db: Firestore, id: string, accept: (c: ConversationDoc) => boolean, what: string) {
  return waitFor(
    () => readConversation(db, id),
    (c) => c !== undefined && accept(c),
    { what, timeoutMs: 30_000 },
  );
}

export type StoredMessage = MessageDoc & { id: string };

export async function messagesOf(db: Firestore, conversationId: string): Promise<StoredMessage[]> {
  const snap = await db
    .collection(`${COLLECTIONS.conversations}/${conversationId}/${SUBCOLLECTIONS.messages}`)
    .orderBy('createdAt')
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as MessageDoc) }));
}

export async function activeLoad(db: Firestore, uid: string): Promise<string[]> {
  const load = (await db.doc(paths.specialistLoad(uid)).get()).data() as SpecialistLoadDoc | undefined;
  return load?.activeConversationIds ?? [];
}
