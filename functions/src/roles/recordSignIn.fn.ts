// Callable: the app calls it when a session starts, and the account's last
// sign-in, as Firebase Auth records it, is copied to users/{uid} for the admin's
// People list (one query serves the list). The time comes from Auth, not from
// the caller, so nobody can forge it; a repeat writes nothing.
import { Timestamp } from 'firebase-admin/firestore';
import { onCall } from 'firebase-functions/v2/https';
import { auth, db } from '../platform/admin';
import { guarded, requireRole } from '../platform/callable';
import type { RecordSignInResult } from '../shared/callables';
import { searchTermsOf, sortNameOf } from '../shared/accountSearch';
import { paths, ROLES } from '../shared/catalogue';
import type { UserDoc } from '../shared/model';

export const recordSignIn = onCall(async (request): Promise<RecordSignInResult> => {
  const caller = await requireRole(request, ...ROLES);
  return guarded('recordSignIn', async () => {
    const signedInAt = (await auth.getUser(caller.uid)).metadata.lastSignInTime;
    const millis = signedInAt ? Date.parse(signedInAt) : NaN;
    if (Number.isNaN(millis)) return { lastSignInAt: null };
    const ref = db.doc(paths.user(caller.uid));
    const account = (await ref.get()).data() as Partial<UserDoc> | undefined;
    const stored = account?.lastSignInAt as Timestamp | null | undefined;
    // Accounts made before the People list (a bootstrap script, an old seed) get its fields here.
    const listing =
      account && !account.sortName
        ? {
            sortName: sortNameOf(account.displayName ?? '', account.email ?? ''),
            searchTerms: searchTermsOf(account.displayName ?? '', account.email ?? ''),
          }
        : {};
    if (stored?.toMillis() !== millis || Object.keys(listing).length) {
      await ref.update({ lastSignInAt: Timestamp.fromMillis(millis), ...listing });
    }
    return { lastSignInAt: new Date(millis).toISOString() };
  });
});
