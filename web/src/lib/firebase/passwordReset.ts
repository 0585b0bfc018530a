// Words for the set-password page: a link that no longer works, and a password
// that will not do. Pure, keyed by Firebase Auth's error codes.

export const PASSWORD_MIN = 8;

const LINK_MESSAGES: Record<string, string> = {
  'auth/missing-code': 'This link is incomplete. Open the whole link you were sent, or ask an admin for a new one.',
  'auth/expired-action-code': 'This link has expired. Ask an admin for a new one.',
  'auth/invalid-action-code': 'This link was already used or is not valid. Ask an admin for a new one.',
  'auth/user-disabled': 'This account has been disabled. Ask an admin if you think this is a mistake.',
  'auth/user-not-found': 'This account no longer exists. Ask an admin.',
  'auth/weak-password': `Choose a longer password (at least ${PASSWORD_MIN} characters).`,
  'auth/network-request-failed': 'Cannot reach the sign-in service. Check your connection and try again.',
};

export function passwordLinkProblem(code: string | undefined): string {
  return (code && LINK_MESSAGES[code]) || `Could not use this link${code ? ` (${code})` : ''}. Please try again.`;
}

/** Why the typed password cannot be set, or null. */
export function passwordProblem(password: string, repeated: string): string | null {
  if (password.length < PASSWORD_MIN) return `Choose a password of at least ${PASSWORD_MIN} characters.`;
  if (password !== repeated) return 'The two passwords differ. Type the same password twice.';
  return null;
}
