// The audit trail, newest first, a page at a time (admins only may read it).
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  type DocumentSnapshot,
  type Firestore,
  type QueryConstraint,
} from 'firebase/firestore';
import { COLLECTIONS } from '$shared/catalogue';
import type { AuditEntryDoc } from '$shared/model';
import type { Page } from '$lib/firebase/pages.svelte';

export const AUDIT_PAGE_SIZE = 30;

export type AuditEntry = AuditEntryDoc & { id: string };

export async function auditPage(db: Firestore, after: DocumentSnapshot | null): Promise<Page<AuditEntry>> {
  const constraints: QueryConstraint[] = [orderBy('at', 'desc')];
  if (after) constraints.push(startAfter(after));
  constraints.push(limit(AUDIT_PAGE_SIZE));
  const snap = await getDocs(query(collection(db, COLLECTIONS.auditLog), ...constraints));
  const last = snap.docs[snap.docs.length - 1];
  return {
    items: snap.docs.map((d) => ({ ...(d.data() as AuditEntryDoc), id: d.id })),
    next: snap.size === AUDIT_PAGE_SIZE && last ? last : null,
  };
}
