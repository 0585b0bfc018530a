// Failures of chat actions in words a person can act on. The callables already
// speak to people (HttpsError messages), so theirs are shown as they are.
import { VOLUME } from '$shared/catalogue';

export interface ErrorLike {
  code?: string;
  message?: string;
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

const GENERIC_CALLABLE_CODES = new Set(['functions/internal', 'functions/unknown']);

/** A callable's failure: its own message when it wrote one, otherwise what went wrong in general. */
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
