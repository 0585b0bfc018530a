// Shortcuts in the specialist's composer: typing `/key` offers the matching
// shortcuts; choosing one replaces the `/key` with its text, variables filled.
// Pure, so matching and insertion are unit-tested without a browser.
import type { Shortcut } from '$shared/model';
import { renderTemplate } from '$shared/templates';

/** The `/word` being typed at the caret. */
export interface ShortcutToken {
  /** Index of the `/`. */
  start: number;
  /** Index just after the word (it may run on past the caret). */
  end: number;
  /** The word after `/`, lower-cased. */
  query: string;
}

/** Values a shortcut may use; the admin form allows exactly these (SHORTCUT_VARIABLES). */
export interface ShortcutValues {
  userName: string;
  specialistName: string;
  projectName: string;
}

const WORD_CHAR = /[A-Za-z0-9_-]/;

/**
 * The shortcut token at `caret`: a `/` at the start of the text or after
 * whitespace, followed by word characters up to the caret. A `/` inside a word
 * (a URL, "and/or") is not a shortcut.
 */
export function shortcutTokenAt(text: string, caret: number): ShortcutToken | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)\/([A-Za-z0-9_-]*)$/.exec(before);
  if (!match) return null;
  const word = match[1] ?? '';
  let end = caret;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  return { start: caret - word.length - 1, end, query: text.slice(caret - word.length, end).toLowerCase() };
}

/**
 * Shortcuts whose key starts with the query first, then those whose key merely
 * contains it, each group alphabetical. An empty query lists them all.
 */
export function matchShortcuts(shortcuts: readonly Shortcut[], query: string, limit = 8): Shortcut[] {
  const q = query.toLowerCase();
  const byKey = (a: Shortcut, b: Shortcut) => a.key.localeCompare(b.key);
  const keyOf = (s: Shortcut) => s.key.toLowerCase();
  const prefix = shortcuts.filter((s) => keyOf(s).startsWith(q)).sort(byKey);
  const inside = shortcuts.filter((s) => !keyOf(s).startsWith(q) && keyOf(s).includes(q)).sort(byKey);
  return [...prefix, ...inside].slice(0, limit);
}

export function fillShortcut(shortcut: Shortcut, values: ShortcutValues): string {
  return renderTemplate(shortcut.text, { ...values });
}

/** Replaces the token with `replacement`; the caret lands right after the inserted text. */
export function insertShortcut(
  text: string,
  token: Pick<ShortcutToken, 'start' | 'end'>,
  replacement: string,
): { text: string; caret: number } {
  const head = text.slice(0, token.start);
  const tail = text.slice(token.end);
  return { text: head + replacement + tail, caret: head.length + replacement.length };
}
