// Every document a client writes, shaped exactly as firestore.rules demand, for
// the web app, the tests and the benchmark alike (each applies them with its own
// SDK). SDK-free: times are the caller's server-time sentinel, because the rules
// compare them with request.time.
import { clientMessageId, LIMITS, messageSequence, paths, type AuthorRole } from './catalogue';
import type { CloserRole, ConversationDoc, MessageDoc, ProjectChatDoc, RatingDoc } from './model';

/** One write of a batch or transaction: `set` creates or replaces, `update` changes the named fields. */
export interface ClientWrite {
  path: string;
  kind: 'set' | 'update';
  data: Record<string, unknown>;
}

type Stamped<T, K extends keyof T, S> = Omit<T, K> & { [P in K]: S };

/**
 * Takes the user's chat slot in a project for a new conversation (the same
 * batch must create it). A slot seen before keeps its offline-message stamp.
 */
export function takeChatSlot<S>(
  uid: string,
  projectId: string,
  conversationId: string,
  serverTime: () => S,
  slotExists: boolean,
): ClientWrite {
  const path = paths.projectChat(uid, projectId);
  if (slotExists) return { path, kind: 'update', data: { conversationId, startedAt: serverTime() } };
  const slot: Stamped<ProjectChatDoc, 'startedAt', S> = {
    conversationId,
    startedAt: serverTime(),
    offlineMessageAt: null,
  };
  return { path, kind: 'set', data: slot };
}

export interface MessageAuthor {
  id: string;
  role: Extract<AuthorRole, 'user' | 'specialist'>;
}

/** A text message, or a specialist's internal note (staff only). No author name: screens name authors from accounts. */
export function outgoingMessage<S>(
  author: MessageAuthor,
  text: string,
  serverTime: () => S,
  note = false,
): Stamped<MessageDoc, 'createdAt', S> {
  const isNote = note && author.role === 'specialist';
  return {
    authorId: author.id,
    authorRole: author.role,
    kind: isNote ? 'note' : 'text',
    visibility: isNote ? 'staff' : 'all',
    text,
    createdAt: serverTime(),
  };
}

/**
 * The id of an author's next message: one past the highest sequence among the
 * ids they know of (the latest page of the conversation, their last send).
 */
export function nextMessageId(authorId: string, knownIds: Iterable<string>, floor = 0): string {
  let highest = floor;
  for (const id of knownIds) highest = Math.max(highest, messageSequence(id, authorId) ?? 0);
  return clientMessageId(authorId, highest + 1);
}

/** The offline message left from a waiting conversation (same id), and the stamp on the user's chat slot. */
export function offlineMessageWrites<S>(
  conversationId: string,
  conversation: Pick<ConversationDoc, 'projectId' | 'userId' | 'userName'>,
  text: string,
  serverTime: () => S,
): ClientWrite[] {
  return [
    {
      path: paths.offlineMessage(conversationId),
      kind: 'set',
      data: {
        projectId: conversation.projectId,
        userId: conversation.userId,
        userName: conversation.userName,
        text,
        createdAt: serverTime(),
        caseId: null,
        caseNumber: null,
      },
    },
    {
      path: paths.projectChat(conversation.userId, conversation.projectId),
      kind: 'update',
      data: { offlineMessageAt: serverTime() },
    },
  ];
}

/** Closes a conversation as the caller's side. */
export function closing<S>(
  conversationId: string,
  side: Extract<CloserRole, 'user' | 'specialist'>,
  serverTime: () => S,
): ClientWrite {
  return {
    path: paths.conversation(conversationId),
    kind: 'update',
    data: { status: 'closed', closedAt: serverTime(), closedBy: side },
  };
}

export type RatingInput = Pick<
  RatingDoc,
  'conversationId' | 'projectId' | 'userId' | 'specialistId' | 'score' | 'comment'
>;

export function rating<S>(input: RatingInput, serverTime: () => S): ClientWrite {
  const data: Stamped<RatingDoc, 'createdAt', S> = {
    conversationId: input.conversationId,
    projectId: input.projectId,
    userId: input.userId,
    specialistId: input.specialistId,
    score: input.score,
    comment: input.comment.trim().slice(0, LIMITS.ratingComment),
    createdAt: serverTime(),
  };
  return { path: paths.rating(input.conversationId), kind: 'set', data };
}
