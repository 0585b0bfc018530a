// Callable: an admin disables an account (it can no longer sign in, and the
// rules refuse its current token at once) or enables it again. Never the
// caller's own account, never the last admin (accountChange.io.ts).
import { onCall } from 'firebase-functions/v2/https';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import type { SetAccountDisabledResult } from '../shared/callables';
import { setAccountDisabledSchema } from './accessChange';
import { changeAccess } from './accountChange.io';

export const setAccountDisabled = onCall(async (request): Promise<SetAccountDisabledResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(setAccountDisabledSchema, request.data);
  return guarded('setAccountDisabled', async () => {
    const after = await changeAccess(caller.uid, input.uid, { disabled: input.disabled });
    return { uid: input.uid, disabled: after.disabled };
  });
});
