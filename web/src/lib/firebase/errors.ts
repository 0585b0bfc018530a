// Firebase failures in words a person can act on, keyed by the SDKs' error codes.

const MESSAGES: Record<string, string> = {
  'auth/wrong-password': 'That password is not right for this account. Check it and try again.',
  'auth/user-not-found': 'There is no account with this email address. Check the spelling, or ask an admin for an account.',
  // With email-enumeration protection Firebase will not say which of the two was wrong.
  'auth/invalid-credential': 'The email address or password is not right. Check both and try again.',
  'auth/invalid-login-credentials': 'The email address or password is not right. Check both and try again.',
  'auth/invalid-email': 'Enter a valid email address, like name@example.com.',
  'auth/missing-password': 'Enter your password.',
  'auth/missing-email': 'Enter your email address.',
  'auth/user-disabled': 'This account has been disabled. Ask an admin to enable it again.',
  'auth/too-many-requests': 'Too many sign-in attempts. Wait a few minutes, then try again.',
  'auth/network-request-failed': 'Cannot reach the sign-in service. Check your internet connection and try again.',
};

export function signInErrorMessage(code: string | undefined): string {
  const known = code ? MESSAGES[code] : undefined;
  if (known) return known;
  return `Sign-in failed${code ? ` (${code})` : ''}. Please try again.`;
}

const READ_MESSAGES: Record<string, string> = {
  'permission-denied': 'Your account is not allowed to see this. If you think it should be, ask an admin.',
  unavailable: 'Cannot reach the database right now. Check your connection; this page updates once it is back.',
  'failed-precondition': 'The database is missing an index for this list. Tell an admin; the page will work once it is deployed.',
  unauthenticated: 'Your session has ended. Sign in again.',
};

/** For a realtime read (Firestore error codes carry no `firestore/` prefix). */
export function readErrorMessage(code: string | undefined): string {
  const known = code ? READ_MESSAGES[code] : undefined;
  if (known) return known;
  return `Could not load this${code ? ` (${code})` : ''}. Reload the page to try again.`;
}
