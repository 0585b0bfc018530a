// The case inbox's reads: a project's cases by filter or search, a requester's
// own cases (both paged, newest first), and a case's history as the rules let
// each audience list it. Composite indexes: firestore.indexes.json.
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QueryConstraint,
} from 'firebase/firestore';
import { COLLECTIONS, SUBCOLLECTIONS } from '$shared/catalogue';
import type { CaseDoc } from '$shared/model';
import type { Page } from '$lib/firebase/pages.svelte';
import type { CaseSearch, HistoryAudience, InboxFilter } from './inbox';

export const CASES_PAGE_SIZE = 25;

export type CaseEntry = CaseDoc & { id: string };

async function page(db: Firestore, constraints: QueryConstraint[], after: DocumentSnapshot | null) {
  const all = [...constraints, ...(after ? [startAfter(after)] : []), limit(CASES_PAGE_SIZE)];
  const snap = await getDocs(query(collection(db, COLLECTIONS.cases), ...all));
  const last = snap.docs[snap.docs.length - 1];
  return {
    items: snap.docs.map((d) => ({ ...(d.data() as CaseDoc), id: d.id })),
    next: snap.size === CASES_PAGE_SIZE && last ? last : null,
  } satisfies Page<CaseEntry>;
}

/**
 * One page of a project's cases. A search ignores the filters: a number finds
 * that case; a subject prefix is case-sensitive and matches from the subject's
 * start (Firestore has no full-text search), ordered by subject. Filtering on
 * status or assignee finds only cases that carry those fields (every case made
 * since the inbox; older ones until a first change).
 */
export function inboxPage(
  db: Firestore,
  projectId: string,
  filter: InboxFilter,
  search: CaseSearch,
  uid: string,
  after: DocumentSnapshot | null,
): Promise<Page<CaseEntry>> {
  const constraints: QueryConstraint[] = [where('projectId', '==', projectId)];
  if (search?.kind === 'number') return page(db, [...constraints, where('number', '==', search.number)], after);
  if (search?.kind === 'subject') {
    constraints.push(where('subject', '>=', search.prefix), where('subject', '<', `${search.prefix}\uf8ff`));
    return page(db, [...constraints, orderBy('subject')], after);
  }
  if (filter.status !== 'any') constraints.push(where('status', '==', filter.status));
  if (filter.origin !== 'any') constraints.push(where('circumstance', '==', filter.origin));
  if (filter.assignee !== 'any') constraints.push(where('assigneeId', '==', filter.assignee === 'me' ? uid : null));
  return page(db, [...constraints, orderBy('createdAt', 'desc')], after);
}

/** The requester's own cases, newest first (the rules require the requesterId filter). */
export function myCasesPage(db: Firestore, uid: string, after: DocumentSnapshot | null): Promise<Page<CaseEntry>> {
  return page(db, [where('requesterId', '==', uid), orderBy('createdAt', 'desc')], after);
}

/**
 * A case's history. The requester may list only public entries (the rules check
 * the filter); callers sort by revision, which keeps the query free of an index.
 */
export function caseHistoryQuery(db: Firestore, caseId: string, audience: HistoryAudience): Query {
  const history = collection(db, COLLECTIONS.cases, caseId, SUBCOLLECTIONS.history);
  return audience === 'requester' ? query(history, where('visibility', '==', 'all')) : history;
}
