// A project's name for the texts functions post; its id when the project is gone.
import { db } from './admin';
import { paths } from '../shared/catalogue';
import type { ProjectDoc } from '../shared/model';

export async function projectNameOf(projectId: string): Promise<string> {
  const project = (await db.doc(paths.project(projectId)).get()).data() as ProjectDoc | undefined;
  return project?.name ?? projectId;
}
