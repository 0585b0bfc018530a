// Callable: an admin creates an account (name, email, role) and gets back a
// password-reset link through which the person sets their password. The desk
// sends no mail: the admin passes the link on. A retry with the same email
// finishes an account a failed call left half-made (Auth user without its
// users document) and otherwise answers "already exists", never a second account.
import { FieldValue } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { auth, db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { recordAudit } from '../audit/auditEntry.io';
import { searchTermsOf, sortNameOf } from '../shared/accountSearch';
import type { CreateAccountResult } from '../shared/callables';
import { paths } from '../shared/catalogue';
import { createAccountSchema } from './accessChange';
import { authUserFor, userByEmail } from './authUsers.io';

export const createAccount = onCall(async (request): Promise<CreateAccountResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(createAccountSchema, request.data);
  return guarded('createAccount', async () => {
    const exists = () => new HttpsError('already-exists', `An account with the email ${input.email} already exists.`);
    const before = await userByEmail(input.email);
    if (before && (await db.doc(paths.user(before.uid)).get()).exists) throw exists();
    const user = await authUserFor(input.email, input.displayName);
    const callerName = String((await db.doc(paths.user(caller.uid)).get()).get('displayName') ?? caller.uid);
    await db.runTransaction(async (tx) => {
      const ref = db.doc(paths.user(user.uid));
      if ((await tx.get(ref)).exists) throw exists();
      tx.create(ref, {
        displayName: input.displayName,
        email: input.email,
        role: input.role,
        disabled: false,
        sortName: sortNameOf(input.displayName, input.email),
        searchTerms: searchTermsOf(input.displayName, input.email),
        projectIds: [],
        lastSignInAt: null,
        createdAt: FieldValue.serverTimestamp(),
      });
      recordAudit(tx, {
        actorId: caller.uid,
        actorName: callerName,
        action: 'account.created',
        targetKind: 'account',
        targetId: user.uid,
        targetName: input.displayName,
        before: null,
        after: { displayName: input.displayName, email: input.email, role: input.role },
      });
    });
    await auth.setCustomUserClaims(user.uid, { role: input.role });
    const passwordLink = await auth.generatePasswordResetLink(input.email);
    return { uid: user.uid, email: input.email, passwordLink };
  });
});
