// Specialist groups: what a save or a delete must check. Pure; the callables
// apply it inside a transaction with the stored group and the members' accounts.
import { z } from 'zod';
import { GROUP_MEMBERS_MAX, type DeleteGroupRequest, type SaveGroupRequest } from '../shared/callables';
import { LIMITS } from '../shared/catalogue';

const groupName = z
  .string()
  .trim()
  .min(1, 'Enter a group name.')
  .max(LIMITS.displayName, `A group name has at most ${LIMITS.displayName} characters.`);

export const saveGroupSchema: z.ZodType<SaveGroupRequest> = z.strictObject({
  groupId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[^/]+$/, 'A group id has no slash.'),
  revision: z.number().int().min(0).nullable(),
  name: groupName,
  specialistIds: z
    .array(z.string().min(1).max(128))
    .max(GROUP_MEMBERS_MAX, `A group holds at most ${GROUP_MEMBERS_MAX} specialists.`)
    .transform((ids) => [...new Set(ids)]),
});

export const deleteGroupSchema: z.ZodType<DeleteGroupRequest> = z.strictObject({
  groupId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[^/]+$/),
  revision: z.number().int().min(0),
});

/** The stored revision; groups written before revisions existed count as 0. */
export const revisionOf = (stored: { revision?: number } | undefined) => stored?.revision ?? 0;

/** Why these ids cannot be group members (not specialist accounts), or null. */
export function membersRefusal(ids: readonly string[], roles: ReadonlyMap<string, string | undefined>): string | null {
  const wrong = ids.filter((id) => roles.get(id) !== 'specialist');
  if (wrong.length === 0) return null;
  return `Only specialist accounts can be in a group; not: ${wrong.join(', ')}.`;
}
