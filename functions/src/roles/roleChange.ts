// Pure rules for changing an account's role; no SDK so it is unit-tested alone.
import { z } from 'zod';
import type { SetRoleRequest } from '../shared/callables';
import { ROLES } from '../shared/catalogue';

export const setRoleSchema: z.ZodType<SetRoleRequest> = z.strictObject({
  uid: z.string().min(1).max(128),
  role: z.enum(ROLES),
});
export type SetRoleInput = SetRoleRequest;

/** Why a role change must be refused, or null when it may go ahead. */
export function roleChangeRefusal(callerUid: string, input: SetRoleInput): string | null {
  // An admin demoting themself could leave the desk with no admin at all.
  if (input.uid === callerUid && input.role !== 'admin') {
    return 'You cannot remove your own admin role; ask another admin.';
  }
  return null;
}
