// The client writes of web/src/lib/chat/writes.ts and typing.svelte.ts (that
// module reaches the SDK through the web app's singleton, so the bench keeps its
// own; the conversation shape is the shared one, and firestore.rules refuse any
// drift in the others: exact keys everywhere).
import { collection, deleteDoc, doc, serverTimestamp, setDoc, updateDoc, type Firestore } from 'firebase/firestore';
import { COLLECTIONS, paths, SUBCOLLECTIONS } from '$shared/catalogue';
import { startingConversation } from '$shared/conversationStart';
import type { Account } from './clients';

/** The id is made before the write, so the clock can start before the write does. */
export const newConversationId = (db: Firestore): string => doc(collection(db, COLLECTIONS.conversations)).id;

export async function startConversation(db: Firestore, conversationId: string, user: Account, projectId: string): Promise<void> {
  await setDoc(
    doc(db, paths.conversation(conversationId)),
    startingConversation({ projectId, userId: user.uid, userName: user.displayName }, serverTimestamp),
  );
}

export interface Author {
  id: string;
  role: 'user' | 'specialist';
  name: string;
}

export function newMessageId(db: Firestore, conversationId: string): string {
  return doc(collection(db, COLLECTIONS.conversations, conversationId, SUBCOLLECTIONS.messages)).id;
}

/** The same document in the app and in the raw baseline: only rules and functions differ. */
export function sendMessage(db: Firestore, conversationId: string, messageId: string, author: Author, text: string): Promise<void> {
  return setDoc(doc(db, paths.message(conversationId, messageId)), {
    authorId: author.id,
    authorRole: author.role,
    authorName: author.name,
    kind: 'text',
    visibility: 'all',
    text,
    createdAt: serverTimestamp(),
  });
}

export const signalTyping = (db: Firestore, conversationId: string, uid: string) =>
  setDoc(doc(db, paths.typing(conversationId, uid)), { at: serverTimestamp() });

export const stopTyping = (db: Firestore, conversationId: string, uid: string) => deleteDoc(doc(db, paths.typing(conversationId, uid)));

export const closeConversation = (db: Firestore, conversationId: string, side: 'user' | 'specialist') =>
  updateDoc(doc(db, paths.conversation(conversationId)), { status: 'closed', closedAt: serverTimestamp(), closedBy: side });

export const leaveOfflineMessage = (db: Firestore, user: Account, conversationId: string, projectId: string, text: string) =>
  setDoc(doc(db, paths.offlineMessage(conversationId)), {
    projectId,
    userId: user.uid,
    userName: user.displayName,
    text,
    createdAt: serverTimestamp(),
    caseId: null,
    caseNumber: null,
  });

export interface RatingInput {
  conversationId: string;
  projectId: string;
  specialistId: string;
  score: 1 | 2 | 3 | 4 | 5;
}

export const rateConversation = (db: Firestore, user: Account, rating: RatingInput) =>
  setDoc(doc(db, paths.rating(rating.conversationId)), { ...rating, userId: user.uid, comment: '', createdAt: serverTimestamp() });
