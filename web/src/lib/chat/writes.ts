// Every chat write a client makes, shaped exactly as firestore.rules demand.
// Times are serverTimestamp() because the rules compare them with request.time.
import {
  collection,
  doc,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { COLLECTIONS, LIMITS, paths, SUBCOLLECTIONS } from '$shared/catalogue';
import type { CloserRole } from '$shared/model';
import { startingConversation, type ConversationOpener } from '$shared/conversationStart';
import { firebase } from '$lib/firebase/app';

const fitName = (name: string) => name.trim().slice(0, LIMITS.displayName) || 'Unknown';

export type NewConversation = ConversationOpener;

/** Creates a queued Level 1 conversation; functions greet, route and queue it. Resolves with its id once stored. */
export async function startConversation(input: NewConversation): Promise<string> {
  const ref = doc(collection(firebase().db, COLLECTIONS.conversations));
  await setDoc(
    ref,
    startingConversation(
      { projectId: input.projectId, userId: input.userId, userName: fitName(input.userName) },
      serverTimestamp,
    ),
  );
  return ref.id;
}

export interface OutgoingMessage {
  conversationId: string;
  author: { id: string; role: 'user' | 'specialist'; name: string };
  text: string;
  /** Internal note: specialists only, never shown to the user. */
  note?: boolean;
}

/**
 * Sends a message under an id made here, so a write queued while offline is
 * sent once on reconnect and shows at once as pending. `stored` settles when
 * the server has it (or refused it).
 */
export function sendMessage(message: OutgoingMessage): { id: string; stored: Promise<void> } {
  const ref = doc(collection(firebase().db, COLLECTIONS.conversations, message.conversationId, SUBCOLLECTIONS.messages));
  const note = message.note === true && message.author.role === 'specialist';
  const stored = setDoc(ref, {
    authorId: message.author.id,
    authorRole: message.author.role,
    authorName: fitName(message.author.name),
    kind: note ? 'note' : 'text',
    visibility: note ? 'staff' : 'all',
    text: message.text,
    createdAt: serverTimestamp(),
  });
  return { id: ref.id, stored };
}

/** Says the caller had read the conversation up to now (the server's now: the rules demand it). */
export async function markRead(conversationId: string, uid: string): Promise<void> {
  await setDoc(doc(firebase().db, paths.readMarker(conversationId, uid)), { at: serverTimestamp() });
}

/** Ends the conversation as the caller's side; functions post the goodbye and free the specialist. */
export async function closeConversation(conversationId: string, side: Extract<CloserRole, 'user' | 'specialist'>): Promise<void> {
  await updateDoc(doc(firebase().db, paths.conversation(conversationId)), {
    status: 'closed',
    closedAt: serverTimestamp(),
    closedBy: side,
  });
}

export interface OfflineMessage {
  conversationId: string;
  projectId: string;
  userId: string;
  userName: string;
  text: string;
}

/**
 * Leaves a message for the project; a function turns it into a case. Its id is
 * the conversation's, so one conversation leaves at most one message (the
 * rules allow no update, and a second create of the same id is an update).
 */
export async function leaveOfflineMessage(message: OfflineMessage): Promise<void> {
  await setDoc(doc(firebase().db, paths.offlineMessage(message.conversationId)), {
    projectId: message.projectId,
    userId: message.userId,
    userName: fitName(message.userName),
    text: message.text,
    createdAt: serverTimestamp(),
    caseId: null,
    caseNumber: null,
  });
}

export interface Rating {
  conversationId: string;
  projectId: string;
  userId: string;
  /** The conversation's specialist; the rules check it matches. */
  specialistId: string;
  score: 1 | 2 | 3 | 4 | 5;
  comment: string;
}

export async function rateConversation(rating: Rating): Promise<void> {
  await setDoc(doc(firebase().db, paths.rating(rating.conversationId)), {
    conversationId: rating.conversationId,
    projectId: rating.projectId,
    userId: rating.userId,
    specialistId: rating.specialistId,
    score: rating.score,
    comment: rating.comment.trim().slice(0, LIMITS.ratingComment),
    createdAt: serverTimestamp(),
  });
}
