// Callables: an admin creates, renames, re-staffs or deletes a specialist group.
// Each runs in one transaction with its audit entry and refuses, as `aborted`
// with the stored values, a save or delete naming a revision someone else has
// already replaced (the settings forms' conflict handling). Groups only pick
// specialists when associating them with a project; no project keeps a link to
// a group, so deleting one removes nobody from any project.
import { FieldValue } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { recordAudit } from '../audit/auditEntry.io';
import type { GroupConflictDetails, SaveGroupResult } from '../shared/callables';
import { paths } from '../shared/catalogue';
import type { GroupDoc, UserDoc } from '../shared/model';
import { deleteGroupSchema, membersRefusal, revisionOf, saveGroupSchema } from './groupChange';

function conflict(stored: GroupDoc | undefined): HttpsError {
  const details: GroupConflictDetails = {
    current: stored ? { revision: revisionOf(stored), name: stored.name, specialistIds: stored.specialistIds } : null,
  };
  return new HttpsError(
    'aborted',
    stored
      ? 'Someone else saved this group while you were editing; nothing was saved.'
      : 'This group does not exist (anymore); nothing was saved.',
    details,
  );
}

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

const actorName = async (uid: string) => String((await db.doc(paths.user(uid)).get()).get('displayName') ?? uid);

export const saveGroup = onCall(async (request): Promise<SaveGroupResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(saveGroupSchema, request.data);
  return guarded('saveGroup', async () => {
    const name = await actorName(caller.uid);
    const ref = db.doc(paths.group(input.groupId));
    return db.runTransaction(async (tx) => {
      const stored = (await tx.get(ref)).data() as GroupDoc | undefined;
      // Already holds exactly this (a retry whose first answer was lost, or a save of no change).
      if (stored && stored.name === input.name && sameMembers(stored.specialistIds, input.specialistIds)) {
        return { groupId: ref.id, revision: revisionOf(stored) };
      }
      const expected = stored ? revisionOf(stored) : null;
      if (expected !== input.revision) throw conflict(stored);
      const accounts = input.specialistIds.length
        ? await tx.getAll(...input.specialistIds.map((uid) => db.doc(paths.user(uid))))
        : [];
      const roles = new Map(
        accounts.map((a) => {
          const account = a.data() as UserDoc | undefined;
          return [a.id, account?.disabled ? 'disabled' : account?.role];
        }),
      );
      const refusal = membersRefusal(input.specialistIds, roles);
      if (refusal) throw new HttpsError('failed-precondition', refusal);
      const revision = revisionOf(stored) + 1;
      tx.set(ref, {
        name: input.name,
        specialistIds: input.specialistIds,
        revision,
        updatedAt: FieldValue.serverTimestamp(),
        updatedBy: caller.uid,
      });
      recordAudit(tx, {
        actorId: caller.uid,
        actorName: name,
        action: stored ? 'group.changed' : 'group.created',
        targetKind: 'group',
        targetId: ref.id,
        targetName: input.name,
        before: stored ? { name: stored.name, specialistIds: stored.specialistIds } : null,
        after: { name: input.name, specialistIds: input.specialistIds },
      });
      return { groupId: ref.id, revision };
    });
  });
});

export const deleteGroup = onCall(async (request): Promise<{ groupId: string }> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(deleteGroupSchema, request.data);
  return guarded('deleteGroup', async () => {
    const name = await actorName(caller.uid);
    const ref = db.doc(paths.group(input.groupId));
    return db.runTransaction(async (tx) => {
      const stored = (await tx.get(ref)).data() as GroupDoc | undefined;
      // Already gone: a retry of a delete that landed, or someone else's; either way the group is gone.
      if (!stored) return { groupId: input.groupId };
      if (revisionOf(stored) !== input.revision) throw conflict(stored);
      tx.delete(ref);
      recordAudit(tx, {
        actorId: caller.uid,
        actorName: name,
        action: 'group.deleted',
        targetKind: 'group',
        targetId: ref.id,
        targetName: stored.name,
        before: { name: stored.name, specialistIds: stored.specialistIds },
        after: null,
      });
      return { groupId: input.groupId };
    });
  });
});
