// Writes one audit entry inside the caller's transaction or batch, so the
// entry and the change it records commit together or not at all.
import { FieldValue, type Transaction, type WriteBatch } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS } from '../shared/catalogue';
import type { AuditEntryDoc } from '../shared/model';

export type AuditDraft = Omit<AuditEntryDoc, 'at'>;

export function recordAudit(writer: Transaction | WriteBatch, entry: AuditDraft): void {
  const ref = db.collection(COLLECTIONS.auditLog).doc();
  // Transaction.set and WriteBatch.set share this signature.
  (writer as WriteBatch).set(ref, { ...entry, at: FieldValue.serverTimestamp() });
}
