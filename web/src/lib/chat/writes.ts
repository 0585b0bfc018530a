// Every chat write a client makes, applied with the shapes of $shared/clientWrites
// (the ones firestore.rules demand). Times are serverTimestamp() because the
// rules compare them with request.time.
import {
  collection,
  documentId,
  getDoc,
  getDocs,
  doc,
  limit,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
} from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, VOLUME, messageSequence, paths } from '$shared/catalogue';
import type { CloserRole, ConversationDoc, ProjectChatDoc } from '$shared/model';
import { startingConversation, type ConversationOpener } from '$shared/conversationStart';
import {
  closing,
  nextMessageId,
  offlineMessageWrites,
  outgoingMessage,
  rating,
  takeChatSlot,
  type ClientWrite,
  type MessageAuthor,
  type RatingInput,
} from '$shared/clientWrites';
import { firebase } from '$lib/firebase/app';

/** What a transaction and a batch have in common. */
interface Writer {
  set(ref: DocumentReference, data: Record<string, unknown>): unknown;
  update(ref: DocumentReference, data: Record<string, unknown>): unknown;
}

function apply(db: Firestore, target: Writer, write: ClientWrite): void {
  const ref = doc(db, write.path);
  if (write.kind === 'set') target.set(ref, write.data);
  else target.update(ref, write.data);
}

/** The user already has an open conversation in this project (maybe from another tab). */
export class ChatAlreadyOpen extends Error {
  constructor(readonly conversationId: string) {
    super('You already have an open chat in this project. Continue it, or end it before starting another.');
    this.name = 'ChatAlreadyOpen';
  }
}

/** Seconds until the rules let this user start another conversation in the project (0: now). */
export function secondsUntilNextStart(lastStartMs: number, nowMs: number): number {
  const waitMs = lastStartMs + VOLUME.conversationStartIntervalSeconds * 1000 - nowMs;
  return waitMs > 0 ? Math.ceil(waitMs / 1000) + 1 : 0;
}

/**
 * Starts a queued Level 1 conversation (functions greet, route and queue it) by
 * taking the user's chat slot in the project, in one transaction: a second
 * tab, a double click or a hostile client cannot open a second conversation.
 * Resolves with its id once stored; rejects with ChatAlreadyOpen when one is open.
 */
export async function startConversation(opener: ConversationOpener): Promise<string> {
  const { db } = firebase();
  const ref = doc(collection(db, COLLECTIONS.conversations));
  const slotRef = doc(db, paths.projectChat(opener.userId, opener.projectId));
  /** Why the slot cannot be taken now, as an error to throw, or null. */
  const refusal = async (read: (r: DocumentReference) => Promise<DocumentSnapshot>) => {
    const held = (await read(slotRef)).data() as ProjectChatDoc | undefined;
    if (!held) return { held, error: null };
    const previous = (await read(doc(db, paths.conversation(held.conversationId)))).data() as
      ConversationDoc | undefined;
    if (previous && previous.status !== 'closed') return { held, error: new ChatAlreadyOpen(held.conversationId) };
    const wait = secondsUntilNextStart(held.startedAt.toMillis(), Date.now());
    return {
      held,
      error: wait > 0 ? new Error(`You started a chat here a moment ago. Try again in ${wait} seconds.`) : null,
    };
  };
  try {
    await runTransaction(db, async (tx) => {
      const { held, error } = await refusal((r) => tx.get(r));
      if (error) throw error;
      apply(db, tx, takeChatSlot(opener.userId, opener.projectId, ref.id, serverTimestamp, held !== undefined));
      tx.set(ref, startingConversation(opener, serverTimestamp));
    });
  } catch (error) {
    // Another tab may have taken the slot between this transaction's read and its commit:
    // the rules then refuse the commit, and a fresh look says why in words.
    if ((error as { code?: string }).code !== 'permission-denied') throw error;
    throw (await refusal((r) => getDoc(r))).error ?? error;
  }
  return ref.id;
}

export interface OutgoingMessage {
  conversationId: string;
  author: MessageAuthor;
  text: string;
  /** Internal note: specialists only, never shown to the user. */
  note?: boolean;
}

/** What the sender's screen holds of the conversation: message ids, and whether that is all of it. */
export interface KnownMessages {
  ids: readonly string[];
  complete: boolean;
}

/** The last sequence this tab used per conversation and author, so quick sends never wait for the echo. */
const lastSent = new Map<string, number>();

/** The author's newest message id on the server: one read, when the screen holds none of theirs. */
async function newestOwnId(db: Firestore, message: OutgoingMessage): Promise<string[]> {
  const messages = collection(db, COLLECTIONS.conversations, message.conversationId, SUBCOLLECTIONS.messages);
  const own = [
    where(documentId(), '>=', `${message.author.id}~0000`),
    where(documentId(), '<=', `${message.author.id}~9999`),
  ];
  // A user may only ask for messages everyone sees (firestore.rules); theirs all are.
  const visible = message.author.role === 'user' ? [where('visibility', '==', 'all')] : [];
  const page = await getDocs(query(messages, ...visible, ...own, orderBy(documentId(), 'desc'), limit(1)));
  return page.docs.map((d) => d.id);
}

async function messageIdFor(
  db: Firestore,
  message: OutgoingMessage,
  known: KnownMessages,
  fresh: boolean,
): Promise<string> {
  const key = `${message.conversationId}/${message.author.id}`;
  const seen = known.ids.filter((id) => messageSequence(id, message.author.id) !== null);
  const ids =
    fresh || (seen.length === 0 && !known.complete && !lastSent.has(key)) ? await newestOwnId(db, message) : [];
  // Afresh, the server is the judge: a number this tab used for a refused send must not leave a gap.
  const id = nextMessageId(message.author.id, [...seen, ...ids], fresh ? 0 : (lastSent.get(key) ?? 0));
  lastSent.set(key, messageSequence(id, message.author.id) ?? 0);
  return id;
}

/**
 * Sends a message under the author's next sequenced id (catalogue.ts says why),
 * so a write queued while offline is sent once on reconnect and shows at once as
 * pending. If another tab of the same person took that id first, the id is
 * looked up afresh and the send tried once more. `stored` settles when the
 * server has it (or refused it).
 */
export function sendMessage(message: OutgoingMessage, known: KnownMessages): { stored: Promise<void> } {
  const { db } = firebase();
  const write = async (fresh: boolean) => {
    const id = await messageIdFor(db, message, known, fresh);
    const data = outgoingMessage(message.author, message.text, serverTimestamp, message.note === true);
    await setDoc(doc(db, paths.message(message.conversationId, id)), data);
  };
  const stored = write(false)
    .catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'permission-denied') throw error;
      return write(true);
    })
    .catch((error: unknown) => {
      lastSent.delete(`${message.conversationId}/${message.author.id}`);
      throw error;
    });
  return { stored };
}

/** Says the caller had read the conversation up to now (the server's now: the rules demand it). */
export async function markRead(conversationId: string, uid: string): Promise<void> {
  await setDoc(doc(firebase().db, paths.readMarker(conversationId, uid)), { at: serverTimestamp() });
}

/** Ends the conversation as the caller's side; functions post the goodbye and free the specialist. */
export async function closeConversation(
  conversationId: string,
  side: Extract<CloserRole, 'user' | 'specialist'>,
): Promise<void> {
  const write = closing(conversationId, side, serverTimestamp);
  await updateDoc(doc(firebase().db, write.path), write.data);
}

/**
 * Leaves a message for the project from a waiting conversation and ends that
 * conversation, in one batch: a function turns the message into a case. The
 * message's id is the conversation's, so a conversation leaves at most one.
 */
export async function leaveOfflineMessage(
  conversationId: string,
  conversation: Pick<ConversationDoc, 'projectId' | 'userId' | 'userName'>,
  text: string,
): Promise<void> {
  const { db } = firebase();
  const batch = writeBatch(db);
  for (const write of offlineMessageWrites(conversationId, conversation, text, serverTimestamp))
    apply(db, batch, write);
  apply(db, batch, closing(conversationId, 'user', serverTimestamp));
  await batch.commit();
}

export async function rateConversation(input: RatingInput): Promise<void> {
  const write = rating(input, serverTimestamp);
  await setDoc(doc(firebase().db, write.path), write.data);
}
