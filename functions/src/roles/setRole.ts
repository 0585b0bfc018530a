// Callable: an admin gives an account its role (custom claim + users/{uid}.role).
import { onCall, HttpsError } from 'firebase-functions/v2/https';
import { auth, db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { paths } from '../shared/catalogue';
import { roleChangeRefusal, setRoleSchema } from './roleChange';

export const setRole = onCall(async (request) => {
  const caller = requireRole(request, 'admin');
  const input = parsePayload(setRoleSchema, request.data);
  return guarded('setRole', async () => {
    const refusal = roleChangeRefusal(caller.uid, input);
    if (refusal) throw new HttpsError('failed-precondition', refusal);
    const target = await auth.getUser(input.uid).catch(() => null);
    if (!target) throw new HttpsError('not-found', `No account with uid ${input.uid}.`);
    await auth.setCustomUserClaims(input.uid, { ...(target.customClaims ?? {}), role: input.role });
    await db.doc(paths.user(input.uid)).set(
      { role: input.role, email: target.email ?? '', displayName: target.displayName ?? target.email ?? input.uid },
      { merge: true },
    );
    return { uid: input.uid, role: input.role };
  });
});
