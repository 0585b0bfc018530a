// The signed-in person as a rune object. The root layout starts it once Firebase
// is connected; everything else only reads it.
import { FirebaseError } from 'firebase/app';
import { onIdTokenChanged, signInWithEmailAndPassword, signOut as signOutOfFirebase, type User } from 'firebase/auth';
import type { Role } from '$shared/catalogue';
import { roleFromClaims } from '$lib/roles';
import { firebase } from './app';
import { signInErrorMessage } from './errors';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

class Session {
  status = $state<SessionStatus>('loading');
  user = $state.raw<User | null>(null);
  /** From the ID token's `role` claim; null when the account has none (yet). */
  role = $state<Role | null>(null);
  uid = $derived(this.user?.uid ?? null);
  email = $derived(this.user?.email ?? null);
  displayName = $derived(this.user ? this.user.displayName || this.user.email || 'Your account' : '');

  /** Follows the ID token (not only sign-in state) so a role change shows after a token refresh. */
  start(): () => void {
    let latest = 0;
    return onIdTokenChanged(firebase().auth, async (user) => {
      const change = ++latest;
      if (!user) {
        this.user = null;
        this.role = null;
        this.status = 'signed-out';
        return;
      }
      const role = await user
        .getIdTokenResult()
        .then((token) => roleFromClaims(token.claims))
        // Without a readable token we cannot vouch for any role; the guards then say so.
        .catch(() => null);
      // A newer token event may have arrived while this one awaited its claims.
      if (change !== latest) return;
      this.user = user;
      this.role = role;
      this.status = 'signed-in';
    });
  }

  /** Resolves once signed in; rejects with an Error whose message a person can act on. */
  async signIn(email: string, password: string): Promise<void> {
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
