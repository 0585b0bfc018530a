// What a conversation's messages say about its activity, read when someone needs
// it (the minute sweep, the end of an engagement) rather than written on every
// message: both participants listen to the conversation document, so a
// per-message write there would cost each of them a read and a function run
// per message. Two small indexed queries (firestore.indexes.json) instead.
import type { Query, Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { paths, SUBCOLLECTIONS } from '../shared/catalogue';
import type { ConversationDoc, Engagement, EngagementOutcome, MessageDoc, Time } from '../shared/model';
import { activeEngagement, endEngagement, recordFirstResponse } from './engagements';
import type { LastText } from './sweep';

const messagesOf = (conversationId: string) =>
  db.doc(paths.conversation(conversationId)).collection(SUBCOLLECTIONS.messages);

const read = (query: Query, tx?: Transaction) => (tx ? tx.get(query) : query.get());

/** The newest text message (system messages and staff notes are not activity), or null before any. */
export async function lastTextOf(
  conversationId: string,
  conversation: Pick<ConversationDoc, 'userId'>,
  tx?: Transaction,
): Promise<LastText | null> {
  const query = messagesOf(conversationId).where('kind', '==', 'text').orderBy('createdAt', 'desc').limit(1);
  const newest = (await read(query, tx)).docs[0]?.data() as MessageDoc | undefined;
  if (!newest) return null;
  return {
    atMs: newest.createdAt.toMillis(),
    byUser: newest.authorRole === 'user' && newest.authorId === conversation.userId,
  };
}

/** The engagement's specialist's first text message between its start and `until`. */
export async function firstResponseOf(
  tx: Transaction,
  conversationId: string,
  engagement: Engagement,
  until: Time,
): Promise<Time | null> {
  const query = messagesOf(conversationId)
    .where('authorId', '==', engagement.specialistId)
    .where('kind', '==', 'text')
    .where('createdAt', '>=', engagement.startedAt)
    .where('createdAt', '<=', until)
    .orderBy('createdAt')
    .limit(1);
  const first = (await tx.get(query)).docs[0]?.data() as MessageDoc | undefined;
  return first?.createdAt ?? null;
}

/**
 * Ends the running engagement with `outcome`, recording its first response
 * first. A read: call it before the transaction's first write. Unchanged (and
 * no read) when no engagement runs.
 */
export async function endEngagementIn(
  tx: Transaction,
  conversationId: string,
  engagements: Engagement[],
  outcome: Exclude<EngagementOutcome, 'active'>,
  at: Time,
): Promise<Engagement[]> {
  const active = activeEngagement(engagements);
  if (!active) return engagements;
  const firstResponseAt = active.firstResponseAt ?? (await firstResponseOf(tx, conversationId, active, at));
  const answered = firstResponseAt
    ? recordFirstResponse(engagements, active.specialistId, firstResponseAt)
    : engagements;
  return endEngagement(answered, outcome, at);
}
