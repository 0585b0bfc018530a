// Projects and their members through the saveProject and setProjectMembers
// callables (functions write both with their audit entry). A save refused
// because another admin saved first becomes a ChangedElsewhereError.
import { collection, doc, query, where, type Firestore, type Query } from 'firebase/firestore';
import type {
  SaveProjectRequest,
  SaveProjectResult,
  SetProjectMembersRequest,
  SetProjectMembersResult,
} from '$shared/callables';
import { CALLABLES, COLLECTIONS, SUBCOLLECTIONS } from '$shared/catalogue';
import { firebase } from '$lib/firebase/app';
import { callable } from '$lib/firebase/callable';
import { ChangedElsewhereError, type Stored } from '../concurrency';
import { projectConflict, projectRevisionFor, type ProjectValues } from '../projectForm';

/** A fresh id for a new project, chosen here so a retried create cannot make two. */
export const newProjectId = () => doc(collection(firebase().db, COLLECTIONS.projects)).id;

export const projectMembers = (db: Firestore, projectId: string): Query =>
  collection(db, COLLECTIONS.projects, projectId, SUBCOLLECTIONS.members);

/** The project's conversations not closed yet (admins may read every conversation). */
export const openConversationsOf = (db: Firestore, projectId: string): Query =>
  query(
    collection(db, COLLECTIONS.conversations),
    where('projectId', '==', projectId),
    where('status', 'in', ['queued', 'assigned']),
  );

export async function saveProject(
  projectId: string,
  loaded: Stored<ProjectValues>,
  values: ProjectValues,
): Promise<string> {
  const call = await callable<SaveProjectRequest, SaveProjectResult>(CALLABLES.saveProject);
  try {
    const result = await call({ projectId, revision: projectRevisionFor(loaded), ...values });
    return String(result.data.revision);
  } catch (error) {
    const { code, details } = error as { code?: string; details?: unknown };
    const current = code === 'functions/aborted' ? projectConflict(details) : null;
    throw current ? new ChangedElsewhereError(current) : error;
  }
}

export async function setProjectMembers(request: SetProjectMembersRequest): Promise<SetProjectMembersResult> {
  const call = await callable<SetProjectMembersRequest, SetProjectMembersResult>(CALLABLES.setProjectMembers);
  return (await call(request)).data;
}
