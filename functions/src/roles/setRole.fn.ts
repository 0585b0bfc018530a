// Callable: an admin gives an account its role. users/{uid}.role is what the
// rules and callables act on, so the change counts at once; the custom claim is
// kept in step for the Realtime Database rules (which cannot read Firestore),
// and the account's refresh tokens are revoked so every open session must sign
// in again and sees its new role.
import { FieldValue } from 'firebase-admin/firestore';
import { onCall, HttpsError } from 'firebase-functions/v2/https';
import { auth, db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import type { SetRoleResult } from '../shared/callables';
import { paths } from '../shared/catalogue';
import { roleChangeRefusal, setRoleSchema } from './roleChange';

export const setRole = onCall(async (request): Promise<SetRoleResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(setRoleSchema, request.data);
  return guarded('setRole', async () => {
    const refusal = roleChangeRefusal(caller.uid, input);
    if (refusal) throw new HttpsError('failed-precondition', refusal);
    const target = await auth.getUser(input.uid).catch(() => null);
    if (!target) throw new HttpsError('not-found', `No account with uid ${input.uid}.`);
    await db.doc(paths.user(input.uid)).set(
      {
        role: input.role,
        email: target.email ?? '',
        displayName: target.displayName ?? target.email ?? input.uid,
        roleChangedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    await auth.setCustomUserClaims(input.uid, { ...(target.customClaims ?? {}), role: input.role });
    await auth.revokeRefreshTokens(input.uid);
    return { uid: input.uid, role: input.role };
  });
});
