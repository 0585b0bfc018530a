// Keeps users/{uid}.projectIds in step when an account becomes or stops being a
// member of a project. (Specialist documents already have their trigger,
// routing/routingTriggers.fn.ts, which calls the same sync.)
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { paths } from '../shared/catalogue';
import { syncAccountProjects } from './accountProjects.io';

export const onProjectMemberWritten = onDocumentWritten(paths.member('{projectId}', '{uid}'), async (event) => {
  const { uid } = event.params;
  // Only joining or leaving changes the list; a renamed member does not.
  if (uid && event.data?.before.exists !== event.data?.after.exists) await syncAccountProjects(uid);
});
