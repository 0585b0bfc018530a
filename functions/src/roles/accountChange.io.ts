// Changes an account's role or disabled flag: users/{uid} (what the rules and
// callables read) and its audit entry in one transaction that also reads every
// admin, so two admins demoting each other at once conflict and the second is
// refused (accessChange.ts). Firebase Auth follows: the role claim (for the
// Realtime Database rules), the disabled flag, and revoked refresh tokens.
import { FieldValue } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { auth, db } from '../platform/admin';
import { withContentionRetry } from '../platform/contention';
import { recordAudit } from '../audit/auditEntry.io';
import { sortNameOf, searchTermsOf } from '../shared/accountSearch';
import { COLLECTIONS, paths, type Role } from '../shared/catalogue';
import type { AuditAction, UserDoc } from '../shared/model';
import { accessChangeRefusal, type Access } from './accessChange';

export type AccessPatch = { role: Role } | { disabled: boolean };

/** Applies `patch` to `uid` as `callerUid`; a change to what already holds writes nothing and still re-syncs Auth. */
export async function changeAccess(callerUid: string, uid: string, patch: AccessPatch): Promise<Access> {
  const target = await auth.getUser(uid).catch(() => null);
  if (!target) throw new HttpsError('not-found', `No account with uid ${uid}.`);
  const after = await withContentionRetry(() =>
    db.runTransaction(async (tx) => {
      const admins = await tx.get(db.collection(COLLECTIONS.users).where('role', '==', 'admin'));
      const activeAdmins = admins.docs.filter((d) => d.get('disabled') !== true).map((d) => d.id);
      const callerName = String(admins.docs.find((d) => d.id === callerUid)?.get('displayName') ?? callerUid);
      const ref = db.doc(paths.user(uid));
      const current = (await tx.get(ref)).data() as Partial<UserDoc> | undefined;
      const before: Access = { role: current?.role ?? 'user', disabled: current?.disabled === true };
      const next: Access = { ...before, ...patch };
      const refusal = accessChangeRefusal(callerUid, uid, before, next, activeAdmins);
      if (refusal) throw new HttpsError('failed-precondition', refusal);
      // A retry of a change that already landed: nothing to write, nothing to audit.
      if (current && next.role === before.role && next.disabled === before.disabled) return next;
      const displayName = current?.displayName ?? target.displayName ?? target.email ?? uid;
      const email = current?.email ?? target.email ?? '';
      tx.set(
        ref,
        {
          role: next.role,
          disabled: next.disabled,
          email,
          displayName,
          sortName: sortNameOf(displayName, email),
          searchTerms: searchTermsOf(displayName, email),
          roleChangedAt: FieldValue.serverTimestamp(),
        },
        { merge: true },
      );
      const action: AuditAction =
        'role' in patch ? 'account.role' : patch.disabled ? 'account.disabled' : 'account.enabled';
      recordAudit(tx, {
        actorId: callerUid,
        actorName: callerName,
        action,
        targetKind: 'account',
        targetId: uid,
        targetName: displayName,
        before: current ? { role: before.role, disabled: before.disabled } : null,
        after: { role: next.role, disabled: next.disabled },
      });
      return next;
    }),
  );
  // Auth follows the document; repeating these on a retry is harmless.
  await auth.setCustomUserClaims(uid, { ...(target.customClaims ?? {}), role: after.role });
  if (target.disabled !== after.disabled) await auth.updateUser(uid, { disabled: after.disabled });
  await auth.revokeRefreshTokens(uid);
  return after;
}
