// Loads, inside a transaction, everything pickSpecialist needs about a
// project's specialists of one level, so capacity is judged on what the
// transaction will commit against.
import type { Transaction } from 'firebase-admin/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS, SUBCOLLECTIONS, paths, type Level } from '../shared/catalogue';
import type { PresenceDoc, ProjectSpecialistDoc, SpecialistLoadDoc } from '../shared/model';
import type { Candidate } from './pickSpecialist';

export const specialistsOfLevel = (projectId: string, level: Level) =>
  db.collection(`${COLLECTIONS.projects}/${projectId}/${SUBCOLLECTIONS.specialists}`).where('level', '==', level);

/** The project's specialists of `level` with their presence and current load. */
export async function loadCandidatesIn(tx: Transaction, projectId: string, level: Level): Promise<Candidate[]> {
  const specialists = await tx.get(specialistsOfLevel(projectId, level));
  if (specialists.empty) return [];
  const uids = specialists.docs.map((d) => d.id);
  const snaps = await tx.getAll(
    ...uids.map((uid) => db.doc(paths.presence(uid))),
    ...uids.map((uid) => db.doc(paths.specialistLoad(uid))),
  );
  return specialists.docs.map((doc, i) => {
    const specialist = doc.data() as ProjectSpecialistDoc;
    const load = snaps[uids.length + i]?.data() as SpecialistLoadDoc | undefined;
    return {
      uid: doc.id,
      displayName: specialist.displayName,
      level: specialist.level,
      presence: snaps[i]?.data() as PresenceDoc | undefined,
      activeCount: load?.activeConversationIds.length ?? 0,
      lastAssignedAtMs: load?.lastAssignedAt?.toMillis() ?? null,
    };
  });
}
