// Who serves a project and at which level: batched writes of
// projects/{p}/specialists/{uid}, so an association or an erase lands whole.
import { doc, serverTimestamp, writeBatch } from 'firebase/firestore';
import { paths } from '$shared/catalogue';
import { firebase } from '$lib/firebase/app';
import type { AssociationPlan } from '../association';

/** Batches hold at most 500 writes; a group holds at most 200 specialists (rules). */
const BATCH_LIMIT = 500;

export async function associateSpecialists(projectId: string, plan: AssociationPlan, adminUid: string): Promise<void> {
  const { db } = firebase();
  const writes = [...plan.add, ...plan.change];
  if (writes.length > BATCH_LIMIT) throw new Error(`At most ${BATCH_LIMIT} specialists can be associated at once.`);
  const batch = writeBatch(db);
  for (const { uid, displayName } of plan.add) {
    batch.set(doc(db, paths.projectSpecialist(projectId, uid)), {
      uid,
      displayName,
      level: plan.level,
      addedAt: serverTimestamp(),
      addedBy: adminUid,
    });
  }
  // A level change keeps when and by whom they were first added.
  for (const { uid, displayName } of plan.change) {
    batch.update(doc(db, paths.projectSpecialist(projectId, uid)), { level: plan.level, displayName });
  }
  await batch.commit();
}

export async function eraseSpecialists(projectId: string, uids: readonly string[]): Promise<void> {
  const { db } = firebase();
  if (uids.length > BATCH_LIMIT) throw new Error(`At most ${BATCH_LIMIT} specialists can be erased at once.`);
  const batch = writeBatch(db);
  for (const uid of uids) batch.delete(doc(db, paths.projectSpecialist(projectId, uid)));
  await batch.commit();
}
