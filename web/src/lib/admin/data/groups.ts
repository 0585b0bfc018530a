// Specialist groups through the saveGroup and deleteGroup callables (functions
// write groups with their audit entry). A save refused because another admin
// saved first becomes a ChangedElsewhereError carrying their values.
import { collection, doc } from 'firebase/firestore';
import type { DeleteGroupRequest, SaveGroupRequest, SaveGroupResult } from '$shared/callables';
import { CALLABLES, COLLECTIONS } from '$shared/catalogue';
import { firebase } from '$lib/firebase/app';
import { callable } from '$lib/firebase/callable';
import { ChangedElsewhereError, type Stored } from '../concurrency';
import { conflictValues, revisionFor, type GroupValues } from '../groupForm';

/** A fresh id for a new group, chosen here so a retried create cannot make two. */
export const newGroupId = () => doc(collection(firebase().db, COLLECTIONS.groups)).id;

function refusedAsConflict(error: unknown): never {
  const { code, details } = error as { code?: string; details?: unknown };
  if (code === 'functions/aborted') {
    const current = conflictValues(details);
    if (current) throw new ChangedElsewhereError(current);
  }
  throw error;
}

/** Saves the group; returns its new version. */
export async function saveGroup(groupId: string, loaded: Stored<GroupValues>, values: GroupValues): Promise<string> {
  const call = await callable<SaveGroupRequest, SaveGroupResult>(CALLABLES.saveGroup);
  try {
    const result = await call({ groupId, revision: revisionFor(loaded), ...values });
    return String(result.data.revision);
  } catch (error) {
    refusedAsConflict(error);
  }
}

export async function deleteGroup(groupId: string, loaded: Stored<GroupValues>): Promise<void> {
  const call = await callable<DeleteGroupRequest, { groupId: string }>(CALLABLES.deleteGroup);
  try {
    await call({ groupId, revision: revisionFor(loaded) ?? 0 });
  } catch (error) {
    refusedAsConflict(error);
  }
}
