// Events that can move a queue: a specialist coming on or going off duty, and a
// specialist joining, leaving or changing level in a project (a capacity raise
// is handled by settings/onChatSettingsWritten). Thin: each finds the affected
// queues and hands them to drainQueue.
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../platform/admin';
import { COLLECTIONS, SUBCOLLECTIONS, isLevel, paths, type Level } from '../shared/catalogue';
import type { PresenceDoc, ProjectSpecialistDoc } from '../shared/model';
import { dutyChanged } from './dutyChange';
import { drainQueue } from './drainQueue.io';
import { syncAccountProjects } from '../roles/accountProjects.io';

/** The queues (project, level) a specialist serves. */
async function queuesServedBy(uid: string): Promise<Array<{ projectId: string; level: Level }>> {
  const served = await db.collectionGroup(SUBCOLLECTIONS.specialists).where('uid', '==', uid).get();
  return served.docs.flatMap((doc) => {
    const project = doc.ref.parent.parent;
    if (!project || project.parent.id !== COLLECTIONS.projects) return [];
    return [{ projectId: project.id, level: (doc.data() as ProjectSpecialistDoc).level }];
  });
}

// Coming on duty pulls waiting conversations; going off duty may leave a queue
// with nobody, which its users must be told. Heartbeats of someone already on
// duty change neither and are ignored.
export const onPresenceWritten = onDocumentWritten(paths.presence('{uid}'), async (event) => {
  const before = event.data?.before.data() as PresenceDoc | undefined;
  const after = event.data?.after.data() as PresenceDoc | undefined;
  const { uid } = event.params;
  const writtenAtMs = Date.parse(event.time);
  if (!uid || !dutyChanged(before, after, Number.isNaN(writtenAtMs) ? Date.now() : writtenAtMs)) return;
  for (const queue of await queuesServedBy(uid)) {
    await drainQueue(queue.projectId, queue.level);
  }
});

export const onProjectSpecialistWritten = onDocumentWritten(
  paths.projectSpecialist('{projectId}', '{uid}'),
  async (event) => {
    const { projectId, uid } = event.params;
    if (!projectId) return;
    const levels = new Set<Level>();
    for (const side of [event.data?.before, event.data?.after]) {
      const level = (side?.data() as ProjectSpecialistDoc | undefined)?.level;
      if (isLevel(level)) levels.add(level);
    }
    for (const level of levels) await drainQueue(projectId, level);
    // After routing, which is what waits: the admin's People list shows each account's
    // projects (one trigger per document, so it lives here).
    if (uid && event.data?.before.exists !== event.data?.after.exists) await syncAccountProjects(uid);
  },
);
