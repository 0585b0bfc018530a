// Callables: an admin creates a project, renames it, describes it, archives it
// (no new conversations; history and metrics stay) or restores it, and adds or
// removes its members. Each runs in one transaction with its audit entry; a
// project save naming a revision someone else replaced is refused as `aborted`
// with the stored values (the settings forms' conflict handling).
import { FieldValue } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { recordAudit } from '../audit/auditEntry.io';
import type { ProjectConflictDetails, SaveProjectResult, SetProjectMembersResult } from '../shared/callables';
import { paths } from '../shared/catalogue';
import type { MemberDoc, ProjectDoc, UserDoc } from '../shared/model';
import {
  newMembersRefusal,
  projectRevision,
  projectValues,
  saveProjectSchema,
  setProjectMembersSchema,
} from './projectChange';

const actorName = async (uid: string) => String((await db.doc(paths.user(uid)).get()).get('displayName') ?? uid);

function conflict(stored: ProjectDoc | undefined): HttpsError {
  const details: ProjectConflictDetails = {
    current: stored ? { revision: projectRevision(stored), ...projectValues(stored) } : null,
  };
  return new HttpsError(
    'aborted',
    stored
      ? 'Someone else saved this project while you were editing; nothing was saved.'
      : 'This project does not exist; nothing was saved.',
    details,
  );
}

export const saveProject = onCall(async (request): Promise<SaveProjectResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(saveProjectSchema, request.data);
  return guarded('saveProject', async () => {
    const name = await actorName(caller.uid);
    const ref = db.doc(paths.project(input.projectId));
    const values = { name: input.name, description: input.description, archived: input.archived };
    return db.runTransaction(async (tx) => {
      const stored = (await tx.get(ref)).data() as ProjectDoc | undefined;
      const before = stored ? projectValues(stored) : null;
      // Already holds exactly this: a retry whose answer was lost, or a save of no change.
      if (before && JSON.stringify(before) === JSON.stringify(values)) {
        return { projectId: ref.id, revision: projectRevision(stored) };
      }
      if ((stored ? projectRevision(stored) : null) !== input.revision) throw conflict(stored);
      const revision = projectRevision(stored) + 1;
      const stamp = { revision, updatedAt: FieldValue.serverTimestamp(), updatedBy: caller.uid };
      // The case counter is never touched here: it starts at 0 and only case creation moves it.
      if (stored) tx.update(ref, { ...values, ...stamp });
      else tx.create(ref, { ...values, lastCaseNumber: 0, ...stamp });
      recordAudit(tx, {
        actorId: caller.uid,
        actorName: name,
        action: stored ? 'project.changed' : 'project.created',
        targetKind: 'project',
        targetId: ref.id,
        targetName: input.name,
        before,
        after: values,
      });
      return { projectId: ref.id, revision };
    });
  });
});

export const setProjectMembers = onCall(async (request): Promise<SetProjectMembersResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(setProjectMembersSchema, request.data);
  return guarded('setProjectMembers', async () => {
    const name = await actorName(caller.uid);
    const projectRef = db.doc(paths.project(input.projectId));
    return db.runTransaction(async (tx) => {
      const project = (await tx.get(projectRef)).data() as ProjectDoc | undefined;
      if (!project) throw new HttpsError('not-found', `No project ${input.projectId}.`);
      const everyone = [...input.add, ...input.remove];
      const memberDocs = await tx.getAll(...everyone.map((uid) => db.doc(paths.member(input.projectId, uid))));
      const isMember = new Map(memberDocs.map((d) => [d.id, d.exists]));
      const toAdd = input.add.filter((uid) => !isMember.get(uid));
      const toRemove = input.remove.filter((uid) => isMember.get(uid));
      const accounts = toAdd.length ? await tx.getAll(...toAdd.map((uid) => db.doc(paths.user(uid)))) : [];
      const byUid = new Map(accounts.map((a) => [a.id, a.data() as UserDoc | undefined]));
      const refusal = newMembersRefusal(toAdd, byUid);
      if (refusal) throw new HttpsError('failed-precondition', refusal);
      // A retry of a change that landed: nothing left to do, nothing to audit.
      if (toAdd.length + toRemove.length === 0) return { added: [], removed: [] };
      for (const uid of toAdd) {
        const member: Omit<MemberDoc, 'addedAt'> & { addedAt: FieldValue } = {
          uid,
          displayName: byUid.get(uid)?.displayName ?? uid,
          addedAt: FieldValue.serverTimestamp(),
        };
        tx.set(db.doc(paths.member(input.projectId, uid)), member);
      }
      for (const uid of toRemove) tx.delete(db.doc(paths.member(input.projectId, uid)));
      recordAudit(tx, {
        actorId: caller.uid,
        actorName: name,
        action: 'project.members',
        targetKind: 'project',
        targetId: input.projectId,
        targetName: project.name,
        before: null,
        after: { added: toAdd, removed: toRemove },
      });
      return { added: toAdd, removed: toRemove };
    });
  });
});
