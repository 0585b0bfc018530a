// The client writes of the web app (web/src/lib/chat/writes.ts), applied with
// the bench's own SDK instances: that module reaches the SDK through the web
// app's singleton. The documents come from $shared/clientWrites, as the app's
// do, so the rules judge the same writes.
import {
  collection,
  deleteDoc,
  doc,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
  type Firestore,
} from 'firebase/firestore';
import { COLLECTIONS, clientMessageId, paths } from '$shared/catalogue';
import { startingConversation } from '$shared/conversationStart';
import {
  closing,
  offlineMessageWrites,
  outgoingMessage,
  rating,
  takeChatSlot,
  type ClientWrite,
} from '$shared/clientWrites';
import type { Account } from './clients';

/** The id is made before the write, so the clock can start before the write does. */
export const newConversationId = (db: Firestore): string => doc(collection(db, COLLECTIONS.conversations)).id;

async function commit(db: Firestore, writes: ClientWrite[]): Promise<void> {
  const batch = writeBatch(db);
  for (const w of writes) {
    if (w.kind === 'set') batch.set(doc(db, w.path), w.data);
    else batch.update(doc(db, w.path), w.data);
  }
  await batch.commit();
}

/** A first conversation of this member in the project: takes their (new) chat slot, as the app does. */
export async function startConversation(
  db: Firestore,
  conversationId: string,
  user: Account,
  projectId: string,
): Promise<void> {
  await commit(db, [
    takeChatSlot(user.uid, projectId, conversationId, serverTimestamp, false),
    {
      path: paths.conversation(conversationId),
      kind: 'set',
      data: startingConversation({ projectId, userId: user.uid, userName: user.displayName }, serverTimestamp),
    },
  ]);
}

export interface Author {
  id: string;
  role: 'user' | 'specialist';
  name: string;
}

const sequences = new Map<string, number>();

/** The author's next message id in the conversation (the app reads it off its screen; the bench counts). */
export function newMessageId(conversationId: string, author: Author): string {
  const key = `${conversationId}/${author.id}`;
  const n = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, n);
  return clientMessageId(author.id, n);
}

/** The same document in the app and in the raw baseline: only rules and functions differ. */
export function sendMessage(
  db: Firestore,
  conversationId: string,
  messageId: string,
  author: Author,
  text: string,
): Promise<void> {
  return setDoc(doc(db, paths.message(conversationId, messageId)), outgoingMessage(author, text, serverTimestamp));
}

export const signalTyping = (db: Firestore, conversationId: string, uid: string) =>
  setDoc(doc(db, paths.typing(conversationId, uid)), { at: serverTimestamp() });

export const stopTyping = (db: Firestore, conversationId: string, uid: string) =>
  deleteDoc(doc(db, paths.typing(conversationId, uid)));

export const closeConversation = (db: Firestore, conversationId: string, side: 'user' | 'specialist') => {
  const write = closing(conversationId, side, serverTimestamp);
  return updateDoc(doc(db, write.path), write.data);
};

/** As the app: the offline message, the stamp on the chat slot and the end of the chat in one batch. */
export const leaveOfflineMessage = (
  db: Firestore,
  user: Account,
  conversationId: string,
  projectId: string,
  text: string,
) =>
  commit(db, [
    ...offlineMessageWrites(
      conversationId,
      { projectId, userId: user.uid, userName: user.displayName },
      text,
      serverTimestamp,
    ),
    closing(conversationId, 'user', serverTimestamp),
  ]);

export interface RatingInput {
  conversationId: string;
  projectId: string;
  specialistId: string;
  score: 1 | 2 | 3 | 4 | 5;
}

export const rateConversation = (db: Firestore, user: Account, input: RatingInput) => {
  const write = rating({ ...input, userId: user.uid, comment: '' }, serverTimestamp);
  return setDoc(doc(db, write.path), write.data);
};
