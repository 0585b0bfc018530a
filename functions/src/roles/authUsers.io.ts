// Firebase Auth users by email, for the callables that create accounts.
import type { UserRecord } from 'firebase-admin/auth';
import { auth } from '../platform/admin';

const authCode = (error: unknown) => (error as { code?: string } | null)?.code;

export async function userByEmail(email: string): Promise<UserRecord | null> {
  try {
    return await auth.getUserByEmail(email);
  } catch (error) {
    if (authCode(error) === 'auth/user-not-found') return null;
    throw error;
  }
}

/** The Auth user for `email`, created if none exists (two calls at once end with the same one). */
export async function authUserFor(email: string, displayName: string): Promise<UserRecord> {
  const found = await userByEmail(email);
  if (found) return found;
  try {
    return await auth.createUser({ email, displayName, emailVerified: false });
  } catch (error) {
    if (authCode(error) !== 'auth/email-already-exists') throw error;
    const raced = await userByEmail(email);
    if (!raced) throw error;
    return raced;
  }
}
