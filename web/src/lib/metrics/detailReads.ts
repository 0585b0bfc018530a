// Reads of a specialist's detail and of a transcript: paged queries of ratings
// and conversations, and one conversation with its messages.
import {
  collection,
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type DocumentSnapshot,
  type Firestore,
  type QueryConstraint,
  type QuerySnapshot,
} from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, paths } from '$shared/catalogue';
import type { ConversationDoc, MessageDoc, RatingDoc, UserDoc } from '$shared/model';
import { conversationLine, type ConversationLine } from './conversations';
import { rangeBounds, type DayRange } from './days';
import type { ReadMeter } from './meter';

export const RATINGS_PAGE_SIZE = 20;
export const CONVERSATIONS_PAGE_SIZE = 25;

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null when this page was the last. */
  next: DocumentSnapshot | null;
}

function paged<T>(snap: QuerySnapshot, size: number, map: (d: DocumentSnapshot) => T): Page<T> {
  const last = snap.docs[snap.docs.length - 1];
  return { items: snap.docs.map(map), next: snap.size === size && last ? last : null };
}

export type RatingEntry = RatingDoc & { id: string };

/** A specialist's ratings, newest first, all projects and days. */
export async function ratingsPage(
  db: Firestore,
  uid: string,
  after: DocumentSnapshot | null,
  meter: ReadMeter,
): Promise<Page<RatingEntry>> {
  const constraints: QueryConstraint[] = [where('specialistId', '==', uid), orderBy('createdAt', 'desc')];
  if (after) constraints.push(startAfter(after));
  const snap = meter.counted(
    await getDocs(query(collection(db, COLLECTIONS.ratings), ...constraints, limit(RATINGS_PAGE_SIZE))),
  );
  return paged(snap, RATINGS_PAGE_SIZE, (d) => ({ ...(d.data() as RatingDoc), id: d.id }));
}

/** The ratings of these conversations (a rating's id is its conversation's), 30 per query. */
async function ratingsOf(
  db: Firestore,
  conversationIds: readonly string[],
  meter: ReadMeter,
): Promise<Map<string, RatingDoc>> {
  const ratings = new Map<string, RatingDoc>();
  for (let i = 0; i < conversationIds.length; i += 30) {
    const ids = conversationIds.slice(i, i + 30);
    const snap = meter.counted(
      await getDocs(query(collection(db, COLLECTIONS.ratings), where(documentId(), 'in', ids))),
    );
    for (const d of snap.docs) ratings.set(d.id, d.data() as RatingDoc);
  }
  return ratings;
}

/**
 * Conversations the specialist took part in (participantIds), created within
 * the range, newest first; optionally of one project. Needs the composite
 * indexes listed in docs/metrics.md.
 */
export async function conversationsPage(
  db: Firestore,
  uid: string,
  filter: { range: DayRange; projectId: string | null },
  after: DocumentSnapshot | null,
  meter: ReadMeter,
): Promise<Page<ConversationLine>> {
  const { startMs, endMs } = rangeBounds(filter.range);
  const constraints: QueryConstraint[] = [
    where('participantIds', 'array-contains', uid),
    where('createdAt', '>=', Timestamp.fromMillis(startMs)),
    where('createdAt', '<', Timestamp.fromMillis(endMs)),
  ];
  if (filter.projectId) constraints.push(where('projectId', '==', filter.projectId));
  constraints.push(orderBy('createdAt', 'desc'));
  if (after) constraints.push(startAfter(after));
  const snap = meter.counted(
    await getDocs(query(collection(db, COLLECTIONS.conversations), ...constraints, limit(CONVERSATIONS_PAGE_SIZE))),
  );
  const ratings = snap.empty
    ? new Map<string, RatingDoc>()
    : await ratingsOf(
        db,
        snap.docs.map((d) => d.id),
        meter,
      );
  return paged(snap, CONVERSATIONS_PAGE_SIZE, (d) =>
    conversationLine(d.id, d.data() as ConversationDoc, uid, ratings.get(d.id) ?? null),
  );
}

export interface Transcript {
  conversation: ConversationDoc | null;
  messages: Array<MessageDoc & { id: string }>;
  /** Real names of the specialists who took part, by uid (messages carry no names). */
  staff: Map<string, string>;
}

/** Display names from users/{uid} (admins may read them); the uid when an account has no document. */
async function namesOf(db: Firestore, uids: readonly string[], meter: ReadMeter): Promise<Map<string, string>> {
  const docs = await Promise.all(uids.map((uid) => getDoc(doc(db, paths.user(uid)))));
  return new Map(
    docs.map((d) => [d.id, (meter.counted(d).data() as UserDoc | undefined)?.displayName || d.id] as const),
  );
}

/** The whole conversation as an admin may read it: user messages, system events and staff notes. */
export async function loadTranscript(db: Firestore, conversationId: string, meter: ReadMeter): Promise<Transcript> {
  const [conversation, messages] = await Promise.all([
    getDoc(doc(db, paths.conversation(conversationId))),
    getDocs(
      query(collection(db, COLLECTIONS.conversations, conversationId, SUBCOLLECTIONS.messages), orderBy('createdAt')),
    ),
  ]);
  meter.counted(conversation);
  meter.counted(messages);
  const data = (conversation.data() as ConversationDoc | undefined) ?? null;
  const list = messages.docs.map((d) => ({ ...(d.data() as MessageDoc), id: d.id }));
  const specialists = new Set([
    ...(data?.engagements ?? []).map((e) => e.specialistId),
    ...list.filter((m) => m.authorRole === 'specialist').map((m) => m.authorId),
  ]);
  return { conversation: data, messages: list, staff: await namesOf(db, [...specialists], meter) };
}
