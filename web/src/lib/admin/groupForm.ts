// A specialist group as its form edits it: name and members, versioned by the
// group's revision (the same conflict handling as the settings forms). Pure.
import type { GroupConflictDetails } from '$shared/callables';
import type { GroupDoc } from '$shared/model';
import type { Stored } from './concurrency';

export interface GroupValues {
  name: string;
  specialistIds: string[];
}

export const EMPTY_GROUP: Stored<GroupValues> = { version: null, values: { name: '', specialistIds: [] } };

/** Members sorted, so the same people in another order are the same values. */
const sorted = (ids: readonly string[]) => [...ids].sort();

export function storedGroup(group: Pick<GroupDoc, 'name' | 'specialistIds' | 'revision'>): Stored<GroupValues> {
  return {
    version: String(group.revision ?? 0),
    values: { name: group.name, specialistIds: sorted(group.specialistIds) },
  };
}

export const groupValues = (values: GroupValues): GroupValues => ({
  name: values.name,
  specialistIds: sorted(values.specialistIds),
});

/** The revision a save names: null for a group not saved yet. */
export const revisionFor = (loaded: Stored<GroupValues>): number | null =>
  loaded.version === null ? null : Number(loaded.version);

/** What another admin saved, from a refused save's details; null when the group is gone. */
export function conflictValues(details: unknown): Stored<GroupValues> | null {
  const current = (details as GroupConflictDetails | undefined)?.current;
  return current ? storedGroup(current) : null;
}

/** Says what deleting a group does to projects: nothing, since projects keep no link to groups. */
export function deleteConsequence(name: string, members: number): string {
  return (
    `Deleting “${name}” removes the group only. Its ${members} ${members === 1 ? 'specialist keeps' : 'specialists keep'} ` +
    'their accounts and every project they serve: groups only pick people when associating specialists.'
  );
}
