// Helpers for documents that live under a project.
import { COLLECTIONS } from '$shared/catalogue';

/** The project id in a path such as `projects/{projectId}/members/{uid}`, or null if it is not under a project. */
export function projectIdOf(path: string): string | null {
  const [collection, projectId, sub] = path.split('/');
  return collection === COLLECTIONS.projects && projectId && sub ? projectId : null;
}
