// users/{uid}.projectIds, for the admin's People list: recomputed from the
// member and specialist documents that name the account, so events arriving
// late or twice still leave the true list.
import { db } from '../platform/admin';
import { COLLECTIONS, SUBCOLLECTIONS, paths } from '../shared/catalogue';

export async function syncAccountProjects(uid: string): Promise<void> {
  const [members, specialists] = await Promise.all(
    [SUBCOLLECTIONS.members, SUBCOLLECTIONS.specialists].map((sub) =>
      db.collectionGroup(sub).where('uid', '==', uid).get(),
    ),
  );
  const projectIds = [...(members?.docs ?? []), ...(specialists?.docs ?? [])]
    .map((doc) => doc.ref.parent.parent)
    .filter((project) => project?.parent.id === COLLECTIONS.projects)
    .map((project) => project!.id);
  const ref = db.doc(paths.user(uid));
  // Accounts without a users document are not listed; nothing to keep.
  await db.runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) return;
    tx.update(ref, { projectIds: [...new Set(projectIds)].sort() });
  });
}
