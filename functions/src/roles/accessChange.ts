// Who may lose admin powers: never the caller themself, never the last active
// admin. Pure; accountChange.io.ts applies it inside the transaction that reads
// every admin, so two admins demoting each other at once cannot leave none.
import { z } from 'zod';
import type { CreateAccountRequest, SetAccountDisabledRequest } from '../shared/callables';
import { LIMITS, ROLES, type Role } from '../shared/catalogue';

export interface Access {
  role: Role;
  disabled: boolean;
}

export const isActiveAdmin = (access: Access) => access.role === 'admin' && !access.disabled;

/**
 * Why changing `targetUid` from `before` to `after` must be refused, or null.
 * `activeAdmins` are the uids of every active admin as read in the transaction.
 */
export function accessChangeRefusal(
  callerUid: string,
  targetUid: string,
  before: Access,
  after: Access,
  activeAdmins: readonly string[],
): string | null {
  if (!activeAdmins.includes(callerUid)) return 'You are no longer an admin, so you cannot change accounts.';
  const losesAdmin = isActiveAdmin(before) && !isActiveAdmin(after);
  if (!losesAdmin) return null;
  if (targetUid === callerUid) {
    return after.disabled
      ? 'You cannot disable your own account; ask another admin.'
      : 'You cannot remove your own admin role; ask another admin.';
  }
  if (activeAdmins.every((uid) => uid === targetUid)) {
    return 'This is the last admin: make another account an admin first.';
  }
  return null;
}

export const setAccountDisabledSchema: z.ZodType<SetAccountDisabledRequest> = z.strictObject({
  uid: z.string().min(1).max(128),
  disabled: z.boolean(),
});

export const createAccountSchema: z.ZodType<CreateAccountRequest> = z.strictObject({
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter a name.')
    .max(LIMITS.displayName, `A name has at most ${LIMITS.displayName} characters.`)
    .refine((name) => !/[\r\n]/.test(name), 'A name is one line.'),
  // String checks (not z.email()) so the schema reads the same under zod 3 and 4.
  email: z.string().trim().toLowerCase().max(254).email('Enter a valid email address, like name@example.com.'),
  role: z.enum(ROLES),
});
