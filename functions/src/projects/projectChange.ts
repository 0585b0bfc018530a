// Projects and their members: what a save or a membership change must check.
// Pure; projects.fn.ts applies it in a transaction with the audit entry.
import { z } from 'zod';
import { MEMBERS_PER_CALL_MAX, type SaveProjectRequest, type SetProjectMembersRequest } from '../shared/callables';
import { LIMITS } from '../shared/catalogue';
import type { ProjectDoc, UserDoc } from '../shared/model';

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^/]+$/, 'An id has no slash.');

export const saveProjectSchema: z.ZodType<SaveProjectRequest> = z.strictObject({
  projectId: id,
  revision: z.number().int().min(0).nullable(),
  name: z
    .string()
    .trim()
    .min(1, 'Enter a project name.')
    .max(LIMITS.projectName, `A project name has at most ${LIMITS.projectName} characters.`),
  description: z
    .string()
    .trim()
    .max(LIMITS.projectDescription, `A description has at most ${LIMITS.projectDescription} characters.`),
  archived: z.boolean(),
});

const uids = z
  .array(id)
  .max(MEMBERS_PER_CALL_MAX, `At most ${MEMBERS_PER_CALL_MAX} people at once.`)
  .transform((list) => [...new Set(list)]);

export const setProjectMembersSchema: z.ZodType<SetProjectMembersRequest> = z
  .strictObject({ projectId: id, add: uids, remove: uids })
  .refine((r) => r.add.length + r.remove.length > 0, 'Choose someone to add or remove.')
  .refine((r) => !r.add.some((uid) => r.remove.includes(uid)), 'Nobody can be added and removed at once.');

export const projectRevision = (stored: Pick<ProjectDoc, 'revision'> | undefined) => stored?.revision ?? 0;

export const projectValues = (p: Pick<ProjectDoc, 'name' | 'description' | 'archived'>) => ({
  name: p.name,
  description: p.description,
  archived: p.archived === true,
});

/** Why these accounts cannot become members (only active user accounts chat in projects), or null. */
export function newMembersRefusal(
  uids: readonly string[],
  accounts: ReadonlyMap<string, Pick<UserDoc, 'role' | 'disabled'> | undefined>,
): string | null {
  const missing = uids.filter((uid) => !accounts.get(uid));
  if (missing.length) return `No account with uid ${missing.join(', ')}.`;
  const notUsers = uids.filter((uid) => accounts.get(uid)?.role !== 'user');
  if (notUsers.length) {
    return `Only user accounts can be project members (specialists are associated in Associate specialists); not: ${notUsers.join(', ')}.`;
  }
  const disabled = uids.filter((uid) => accounts.get(uid)?.disabled === true);
  if (disabled.length) return `Enable these accounts first: ${disabled.join(', ')}.`;
  return null;
}
