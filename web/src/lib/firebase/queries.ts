// The Firestore queries the app listens to, named for what they answer. Kept here
// so components ask for "my memberships" rather than build paths themselves.
import {
  collection,
  collectionGroup,
  documentId,
  limit,
  orderBy,
  query,
  where,
  type Firestore,
  type Query,
} from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS, type Level, type Role } from '$shared/catalogue';

/** Every project; only admins may list them (others `get` the projects they belong to). */
export const allProjects = (db: Firestore): Query => query(collection(db, COLLECTIONS.projects), orderBy('name'));

export const projectSpecialists = (db: Firestore, projectId: string): Query =>
  collection(db, COLLECTIONS.projects, projectId, SUBCOLLECTIONS.specialists);

/**
 * The member documents of one account across all projects. The `uid` filter is what
 * the rules require of a collection-group read, and needs a collection-group index.
 */
export const membershipsOf = (db: Firestore, uid: string): Query =>
  query(collectionGroup(db, SUBCOLLECTIONS.members), where('uid', '==', uid));

/** The projects a specialist serves, as their specialists/{uid} documents. */
export const servicesOf = (db: Firestore, uid: string): Query =>
  query(collectionGroup(db, SUBCOLLECTIONS.specialists), where('uid', '==', uid));

// ---- Chat -------------------------------------------------------------------

/** A user's latest conversations, newest first (the rules require the userId filter). */
export const conversationsOfUser = (db: Firestore, uid: string, max: number): Query =>
  query(
    collection(db, COLLECTIONS.conversations),
    where('userId', '==', uid),
    orderBy('createdAt', 'desc'),
    limit(max),
  );

/** Conversations waiting in a project's queue at one level, oldest first: what the rules let its specialists list. */
export const waitingQueue = (db: Firestore, projectId: string, level: Level, max: number): Query =>
  query(
    collection(db, COLLECTIONS.conversations),
    where('projectId', '==', projectId),
    where('status', '==', 'queued'),
    where('level', '==', level),
    orderBy('queuedAt'),
    limit(max),
  );

/** The conversations a specialist is serving now, longest-served first. */
export const servedBy = (db: Firestore, uid: string): Query =>
  query(
    collection(db, COLLECTIONS.conversations),
    where('specialistId', '==', uid),
    where('status', '==', 'assigned'),
    orderBy('assignedAt'),
  );

/**
 * A conversation's messages in order. Users ask for visibility 'all' only, as
 * the rules demand: internal notes are for staff. Callers add the window (limitToLast).
 */
export const conversationMessages = (db: Firestore, conversationId: string, audience: 'user' | 'staff'): Query => {
  const messages = collection(db, COLLECTIONS.conversations, conversationId, SUBCOLLECTIONS.messages);
  return audience === 'user'
    ? query(messages, where('visibility', '==', 'all'), orderBy('createdAt'))
    : query(messages, orderBy('createdAt'));
};

export const projectSpecialistsAtLevel = (db: Firestore, projectId: string, level: Level): Query =>
  query(projectSpecialists(db, projectId), where('level', '==', level));

/**
 * The offline message a user left from a conversation (its id is the
 * conversation's), or none. The rules let a user read only their own offline
 * messages, so a read of one that does not exist yet is refused; so is an
 * id-equality query (evaluated like a read). A one-id range is a true query,
 * allowed by its userId filter, and answers "none" with an empty result.
 */
export const offlineMessageOf = (db: Firestore, uid: string, conversationId: string): Query =>
  query(
    collection(db, COLLECTIONS.offlineMessages),
    where('userId', '==', uid),
    where(documentId(), '>=', conversationId),
    where(documentId(), '<=', conversationId),
  );

/** The user's rating of one conversation, if any (a query for the same reason as offlineMessageOf). */
export const ratingOf = (db: Firestore, uid: string, conversationId: string): Query =>
  query(collection(db, COLLECTIONS.ratings), where('userId', '==', uid), where('conversationId', '==', conversationId));

/** Accounts with one role, from users/{uid} (admins only may list them). Sorted by the caller: no index needed. */
export const accountsWithRole = (db: Firestore, role: Role): Query =>
  query(collection(db, COLLECTIONS.users), where('role', '==', role));

/** Every specialist group, by name (admins and specialists may read them). */
export const allGroups = (db: Firestore): Query => query(collection(db, COLLECTIONS.groups), orderBy('name'));

/** Every case template, by name (admins and specialists may read them). */
export const allCaseTemplates = (db: Firestore): Query =>
  query(collection(db, COLLECTIONS.caseTemplates), orderBy('name'));

/** A project's newest webhook deliveries (admins only), newest first. */
export const webhookDeliveriesOf = (db: Firestore, projectId: string, max: number): Query =>
  query(
    collection(db, COLLECTIONS.webhookDeliveries),
    where('projectId', '==', projectId),
    orderBy('createdAt', 'desc'),
    limit(max),
  );
