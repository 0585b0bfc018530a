// How the admin's People list finds an account with one Firestore query: the
// functions store on users/{uid} a lowercase `sortName` (the list's order) and
// `searchTerms`, every prefix of each word of the name and of the email, so a
// search is one `array-contains` on the typed text, normalised the same way here.

/** Prefixes longer than this are not stored; a longer search matches on its first letters. */
export const SEARCH_PREFIX_MAX = 20;

const normalise = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** The lowercase name the list sorts by (then by email, for equal names). */
export const sortNameOf = (displayName: string, email: string) => `${normalise(displayName)} ${normalise(email)}`;

function prefixes(word: string): string[] {
  const letters = Array.from(word).slice(0, SEARCH_PREFIX_MAX);
  return letters.map((_, i) => letters.slice(0, i + 1).join(''));
}

/** Every prefix of each name word, of the email, and of its local part and domain. */
export function searchTermsOf(displayName: string, email: string): string[] {
  const mail = normalise(email);
  const [local = '', domain = ''] = mail.split('@');
  const words = [...normalise(displayName).split(/\s+/), mail, local, domain].filter(Boolean);
  return [...new Set(words.flatMap(prefixes))];
}

/** The term to look up for what an admin typed, or null for an empty search (the whole list). */
export function searchTermFor(typed: string): string | null {
  const first = normalise(typed).split(/\s+/)[0] ?? '';
  return first ? Array.from(first).slice(0, SEARCH_PREFIX_MAX).join('') : null;
}
