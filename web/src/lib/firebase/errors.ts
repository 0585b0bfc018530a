// Firebase failures in words a person can act on, keyed by the SDKs' error codes:
// signing in, reading, writing, calling a function, and an admin's save. Pure:
// each takes whatever the SDK threw (or its code), so every screen says the same.
import { VOLUME } from '$shared/catalogue';

export interface ErrorLike {
  code?: string;
  message?: string;
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

// ---- Signing in -------------------------------------------------------------

const SIGN_IN_MESSAGES: Record<string, string> = {
  'auth/wrong-password': 'That password is not right for this account. Check it and try again.',
  'auth/user-not-found':
    'There is no account with this email address. Check the spelling, or ask an admin for an account.',
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
  const known = code ? SIGN_IN_MESSAGES[code] : undefined;
  if (known) return known;
  return `Sign-in failed${code ? ` (${code})` : ''}. Please try again.`;
}

// ---- Reading ----------------------------------------------------------------

const READ_MESSAGES: Record<string, string> = {
  'permission-denied': 'Your account is not allowed to see this. If you think it should be, ask an admin.',
  unavailable: 'Cannot reach the database right now. Check your connection; this page updates once it is back.',
  'failed-precondition':
    'The database is missing an index for this list. Tell an admin; the page will work once it is deployed.',
  unauthenticated: 'Your session has ended. Sign in again.',
};

/** For a realtime or one-shot read (Firestore error codes carry no `firestore/` prefix). */
export function readErrorMessage(code: string | undefined): string {
  const known = code ? READ_MESSAGES[code] : undefined;
  if (known) return known;
  return `Could not load this${code ? ` (${code})` : ''}. Reload the page to try again.`;
}

/** The same, from whatever a read threw. */
export function readFailureMessage(error: unknown): string {
  return readErrorMessage(asErrorLike(error).code);
}

// ---- Writing and calling (chat actions) -------------------------------------

const GENERIC_CALLABLE_CODES = new Set(['functions/internal', 'functions/unknown']);

/**
 * A callable's failure: its own message when it wrote one, otherwise what went
 * wrong in general. The callables already speak to people (HttpsError messages).
 */
export function callableErrorMessage(error: unknown, action: string): string {
  const { code, message } = asErrorLike(error);
  if (code === 'functions/unavailable' || code === 'functions/deadline-exceeded') {
    return `Could not ${action}: the help desk service did not answer. Check your connection and try again.`;
  }
  if (code === 'functions/unauthenticated') return 'Your session has ended. Sign in again.';
  // The SDK fills a bare code in as the message when the server sent none.
  const own = message && message.toLowerCase() !== code?.replace('functions/', '') ? message : null;
  if (code && code.startsWith('functions/') && own && !(GENERIC_CALLABLE_CODES.has(code) && own === 'INTERNAL')) {
    return own;
  }
  return `Could not ${action}${code ? ` (${code})` : ''}. Please try again.`;
}

const WRITE_MESSAGES: Record<string, string> = {
  'permission-denied':
    'The help desk refused this. The conversation may have been closed or moved, or chat may be switched off.',
  unavailable: 'Cannot reach the help desk right now. Check your connection and try again.',
  unauthenticated: 'Your session has ended. Sign in again.',
};

/** A Firestore write's failure (Firestore codes carry no prefix). */
export function writeErrorMessage(error: unknown, action: string): string {
  const { code } = asErrorLike(error);
  const known = code ? WRITE_MESSAGES[code] : undefined;
  return known ? `Could not ${action}. ${known}` : `Could not ${action}${code ? ` (${code})` : ''}. Please try again.`;
}

/** A message the help desk refused: besides a closed conversation, the only refusal left is the pace. */
export function sendErrorMessage(error: unknown, action: string): string {
  const { code } = asErrorLike(error);
  if (code !== 'permission-denied') return writeErrorMessage(error, action);
  return (
    `Could not ${action}. The conversation may have ended, or messages are coming faster than the help desk ` +
    `accepts (${VOLUME.messageBurst} a minute); wait a moment and send it again.`
  );
}

/** An offline message the help desk refused: it keeps the text on screen, so nothing is lost. */
export function offlineMessageErrorMessage(error: unknown): string {
  const { code } = asErrorLike(error);
  if (code !== 'permission-denied') return writeErrorMessage(error, 'save your message');
  return (
    'Could not save your message. A specialist may have just picked up your chat, or you left a message in this ' +
    `project less than ${VOLUME.offlineMessageIntervalMinutes} minutes ago; your text is still here.`
  );
}

// ---- An admin's save ----------------------------------------------------------
// Always with the database's own code, so nothing is hidden.

const SAVE_MESSAGES: Record<string, string> = {
  'permission-denied':
    'The database refused this save (permission-denied): your account may no longer be an admin, or a value is outside what is allowed.',
  unavailable:
    'Cannot reach the database (unavailable). Your changes are still on screen; save again once you are back online.',
  aborted: 'Another save was in progress at the same moment (aborted). Your changes are still on screen; save again.',
  'deadline-exceeded':
    'The database took too long to answer (deadline-exceeded). Your changes are still on screen; save again.',
  unauthenticated: 'Your session has ended (unauthenticated). Sign in again; your changes on this page will be lost.',
  'not-found': 'What you were editing no longer exists (not-found); it may have been deleted by someone else.',
};

function saveCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  // The client SDK's codes carry no prefix; some wrappers add `firestore/`.
  return typeof code === 'string' ? code.replace(/^firestore\//, '') : undefined;
}

export function saveErrorMessage(error: unknown): string {
  const code = saveCodeOf(error);
  const known = code ? SAVE_MESSAGES[code] : undefined;
  if (known) return known;
  const detail = error instanceof Error ? error.message : String(error);
  return `Not saved${code ? ` (${code})` : ''}: ${detail}`;
}
