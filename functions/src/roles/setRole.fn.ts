// Callable: an admin gives an account its role. users/{uid}.role is what the
// rules and callables act on, so the change counts at once; the custom claim is
// kept in step for the Realtime Database rules (which cannot read Firestore),
// and the account's refresh tokens are revoked so every open session must sign
// in again and sees its new role. Never the caller's own admin role, never the
// last admin (accountChange.io.ts).
import { onCall } from 'firebase-functions/v2/https';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import type { SetRoleResult } from '../shared/callables';
import { changeAccess } from './accountChange.io';
import { setRoleSchema } from './roleChange';

export const setRole = onCall(async (request): Promise<SetRoleResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(setRoleSchema, request.data);
  return guarded('setRole', async () => {
    const after = await changeAccess(caller.uid, input.uid, { role: input.role });
    return { uid: input.uid, role: after.role };
  });
});
