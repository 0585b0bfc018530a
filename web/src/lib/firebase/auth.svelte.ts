// The signed-in person as a rune object. The root layout starts it once Firebase
// is connected; everything else only reads it. The role and the name come from
// the account's users/{uid} document, followed live, exactly as the security
// rules read them: a role change shows at once, and the session then asks for a
// fresh token (the change revoked the old ones) or signs out explaining why.
import { FirebaseError } from 'firebase/app';
import { onAuthStateChanged, signInWithEmailAndPassword, signOut as signOutOfFirebase, type User } from 'firebase/auth';
import { doc, onSnapshot } from 'firebase/firestore';
import { CALLABLES, paths, type Role } from '$shared/catalogue';
import type { RecordSignInResult } from '$shared/callables';
import { callable } from './callable';
import { accountFrom, type AccountView } from '$lib/roles';
import { firebase } from './app';
import { signInErrorMessage } from './errors';

/**
 * The People list shows each account's last sign-in from users/{uid}; a function
 * copies it from Firebase Auth when it differs from what the document holds.
 * A failure only leaves the list's date older, so it is not shown to anyone.
 */
async function recordSignInOnce(user: User, stored: { toMillis(): number } | null | undefined): Promise<void> {
  const signedIn = Date.parse(user.metadata.lastSignInTime ?? '');
  if (Number.isNaN(signedIn) || stored?.toMillis() === signedIn) return;
  try {
    await (
      await callable<void, RecordSignInResult>(CALLABLES.recordSignIn)
    )();
  } catch (error) {
    console.warn('Could not record the sign-in time', error);
  }
}

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

/** Why the session ended without the person asking, for the sign-in page. */
export const ROLE_CHANGED_NOTICE = 'Your access to the help desk changed. Please sign in again.';
export const DISABLED_NOTICE = 'This account has been disabled. Ask an admin if you think this is a mistake.';

class Session {
  status = $state<SessionStatus>('loading');
  user = $state.raw<User | null>(null);
  account = $state.raw<AccountView | null>(null);
  /** Set when the session ended on its own (role changed, account disabled). */
  notice = $state<string | null>(null);
  role = $derived<Role | null>(this.account?.role ?? null);
  disabled = $derived(this.account?.disabled === true);
  uid = $derived(this.user?.uid ?? null);
  email = $derived(this.user?.email ?? null);
  displayName = $derived(this.account?.displayName || this.user?.displayName || this.user?.email || 'Your account');

  start(): () => void {
    let latest = 0;
    let stopAccount: (() => void) | null = null;
    const stopAuth = onAuthStateChanged(firebase().auth, (user) => {
      const change = ++latest;
      stopAccount?.();
      stopAccount = null;
      if (!user) {
        this.user = null;
        this.account = null;
        this.status = 'signed-out';
        return;
      }
      let seen: AccountView | null = null;
      stopAccount = onSnapshot(
        doc(firebase().db, paths.user(user.uid)),
        (snapshot) => {
          if (change !== latest) return;
          const account = accountFrom(snapshot.data());
          if (!seen && snapshot.exists()) void recordSignInOnce(user, snapshot.get('lastSignInAt'));
          if (seen && (seen.role !== account.role || seen.disabled !== account.disabled)) {
            void this.#afterAccessChange(user, account);
          }
          seen = account;
          this.user = user;
          this.account = account;
          this.status = 'signed-in';
        },
        // Without a readable account the app cannot vouch for any role; the guards then say so.
        () => {
          if (change !== latest) return;
          this.user = user;
          this.account = accountFrom(undefined);
          this.status = 'signed-in';
        },
      );
    });
    return () => {
      stopAuth();
      stopAccount?.();
    };
  }

  /** The change revoked this session's refresh token: a fresh token fails, and the person must sign in again. */
  async #afterAccessChange(user: User, account: AccountView): Promise<void> {
    try {
      if (account.disabled) throw new Error('disabled');
      await user.getIdToken(true);
    } catch {
      this.notice = account.disabled ? DISABLED_NOTICE : ROLE_CHANGED_NOTICE;
      await signOutOfFirebase(firebase().auth);
    }
  }

  /** Resolves once signed in; rejects with an Error whose message a person can act on. */
  async signIn(email: string, password: string): Promise<void> {
    this.notice = null;
    try {
      await signInWithEmailAndPassword(firebase().auth, email.trim(), password);
    } catch (error) {
      const code = error instanceof FirebaseError ? error.code : undefined;
      throw new Error(signInErrorMessage(code), { cause: error });
    }
  }

  async signOut(): Promise<void> {
    await signOutOfFirebase(firebase().auth);
  }
}

export const session = new Session();
