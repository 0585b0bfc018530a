// What each specialist serves now (specialistLoad/{uid}), taken and released in
// the same transaction as the conversation change that causes it, so capacity
// checks that read it in a transaction never see a half-made change.
import { FieldValue, type Timestamp, type Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { paths } from '../shared/catalogue';

/**
 * The specialist now serves these conversations (and was just given work: ties
 * go to whoever waited longest). One write per specialist however many.
 */
export function takeLoad(tx: Transaction, uid: string, conversationIds: string | string[], at: Timestamp): void {
  const ids = Array.isArray(conversationIds) ? conversationIds : [conversationIds];
  tx.set(
    db.doc(paths.specialistLoad(uid)),
    { activeConversationIds: FieldValue.arrayUnion(...ids), updatedAt: at, lastAssignedAt: at },
    { merge: true },
  );
}

/** The specialist no longer serves `conversationId`. */
export function releaseLoad(tx: Transaction, uid: string, conversationId: string, at: Timestamp): void {
  tx.set(
    db.doc(paths.specialistLoad(uid)),
    { activeConversationIds: FieldValue.arrayRemove(conversationId), updatedAt: at },
    { merge: true },
  );
}
