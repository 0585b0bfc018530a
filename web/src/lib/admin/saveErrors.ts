// Why an admin save failed, in words a person can act on, always with the
// database's own code so nothing is hidden. Pure: takes whatever the SDK threw.

const BY_CODE: Record<string, string> = {
  'permission-denied':
    'The database refused this save (permission-denied): your account may no longer be an admin, or a value is outside what is allowed.',
  unavailable: 'Cannot reach the database (unavailable). Your changes are still on screen; save again once you are back online.',
  aborted: 'Another save was in progress at the same moment (aborted). Your changes are still on screen; save again.',
  'deadline-exceeded': 'The database took too long to answer (deadline-exceeded). Your changes are still on screen; save again.',
  unauthenticated: 'Your session has ended (unauthenticated). Sign in again; your changes on this page will be lost.',
  'not-found': 'What you were editing no longer exists (not-found); it may have been deleted by someone else.',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  // The client SDK's codes carry no prefix; some wrappers add `firestore/`.
  return typeof code === 'string' ? code.replace(/^firestore\//, '') : undefined;
}

export function saveErrorMessage(error: unknown): string {
  const code = codeOf(error);
  const known = code ? BY_CODE[code] : undefined;
  if (known) return known;
  const detail = error instanceof Error ? error.message : String(error);
  return `Not saved${code ? ` (${code})` : ''}: ${detail}`;
}
