// presence/{uid} writes for the web app. The rules allow each write to touch at
// most one connection key and require updatedAt == request.time.
import {
  deleteField,
  doc,
  FieldPath,
  getDoc,
  runTransaction,
  serverTimestamp,
  Timestamp,
  updateDoc,
  type Firestore,
} from 'firebase/firestore';
import { paths, type AvailabilityChoice } from '$shared/catalogue';
import type { HeartbeatStore } from './heartbeat';

/** A specialist seen for the first time has not chosen to take work yet. */
const FIRST_CHOICE: AvailabilityChoice = 'away';

const connectionField = (connectionId: string) => new FieldPath('connections', connectionId);

export function presenceDocument(firestore: Firestore, uid: string): HeartbeatStore {
  const ref = doc(firestore, paths.presence(uid));

  /**
   * A transaction rather than a merge, so a tab creating the document never
   * overwrites a choice another tab has just made.
   */
  function upsert(choice: AvailabilityChoice | null, connectionId: string | null) {
    return runTransaction(firestore, async (tx) => {
      const existing = await tx.get(ref);
      if (!existing.exists()) {
        tx.set(ref, {
          choice: choice ?? FIRST_CHOICE,
          connections: connectionId ? { [connectionId]: serverTimestamp() } : {},
          updatedAt: serverTimestamp(),
        });
      } else if (choice) {
        tx.update(ref, { choice, updatedAt: serverTimestamp() });
      } else if (connectionId) {
        tx.update(ref, connectionField(connectionId), serverTimestamp(), 'updatedAt', serverTimestamp());
      }
    });
  }

  return {
    ensureConnection: (connectionId) => upsert(null, connectionId),
    setChoice: (choice, connectionId) => upsert(choice, connectionId),
    refresh: (connectionId) =>
      updateDoc(ref, connectionField(connectionId), serverTimestamp(), 'updatedAt', serverTimestamp()),
    remove: (connectionId) =>
      updateDoc(ref, connectionField(connectionId), deleteField(), 'updatedAt', serverTimestamp()),
    async readConnections() {
      const snapshot = await getDoc(ref);
      if (!snapshot.exists()) return null;
      const connections: unknown = snapshot.get('connections');
      if (typeof connections !== 'object' || connections === null) return {};
      return Object.fromEntries(
        Object.entries(connections).map(([id, at]) => [id, at instanceof Timestamp ? at.toMillis() : null]),
      );
    },
  };
}
