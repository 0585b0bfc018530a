// A project as its admin form edits it: name, description, archived, versioned
// by the project's revision (the settings forms' conflict handling). Pure.
import type { ProjectConflictDetails } from '$shared/callables';
import type { ProjectDoc } from '$shared/model';
import type { Stored } from './concurrency';

export interface ProjectValues {
  name: string;
  description: string;
  archived: boolean;
}

export const EMPTY_PROJECT: Stored<ProjectValues> = {
  version: null,
  values: { name: '', description: '', archived: false },
};

export function storedProject(
  p: Pick<ProjectDoc, 'name' | 'description' | 'archived' | 'revision'>,
): Stored<ProjectValues> {
  return {
    version: String(p.revision ?? 0),
    values: { name: p.name, description: p.description, archived: p.archived === true },
  };
}

export const projectRevisionFor = (loaded: Stored<ProjectValues>): number | null =>
  loaded.version === null ? null : Number(loaded.version);

export function projectConflict(details: unknown): Stored<ProjectValues> | null {
  const current = (details as ProjectConflictDetails | undefined)?.current;
  return current ? storedProject(current) : null;
}

/** Open conversations (queued or being served) per user, for the members list. */
export function openCountByUser(conversations: readonly { userId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { userId } of conversations) counts.set(userId, (counts.get(userId) ?? 0) + 1);
  return counts;
}
