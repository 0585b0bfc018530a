// Optimistic concurrency for admin forms. A form remembers the version of the
// document it loaded; a save goes through only while the part it edits is still
// what the form loaded, so two admins editing at once never silently overwrite
// each other. Comparing values as well as versions lets a save pass when someone
// else changed only another part of the same document (the chat switch shares
// settings/chat with the General tab).

/** What a form loaded: a version token (null while the document does not exist) and the values it edits. */
export interface Stored<V> {
  version: string | null;
  values: V;
}

/** Structural equality of plain data (strings, numbers, booleans, null, arrays, objects). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValues(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameValues(left[key], right[key]))
  );
}

/** True when someone else saved a different version of what this form edits since it loaded. */
export function changedElsewhere<V>(loaded: Stored<V>, current: Stored<V>): boolean {
  return current.version !== loaded.version && !sameValues(current.values, loaded.values);
}

/** The top-level keys whose values differ, to tell an admin what the other person changed. */
export function changedKeys<V extends object>(before: V, after: V): (keyof V & string)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof V & string>;
  return [...keys].filter((key) => !sameValues(before[key], after[key]));
}

/**
 * What a form does when the stored values change under it:
 * - `ignore`: nothing new;
 * - `acknowledge`: the stored values are what the form shows (usually its own save): take their version, keep the draft;
 * - `take-version`: only another part of the document changed: take the version, keep the draft;
 * - `refresh`: the form has no edits: show the new values;
 * - `hold`: the form has edits and someone else saved other values: keep the edits and offer theirs.
 */
export type LiveChange = 'ignore' | 'acknowledge' | 'take-version' | 'refresh' | 'hold';

export function onLiveChange<V>(loaded: Stored<V>, live: Stored<V>, shown: V): LiveChange {
  if (live.version === loaded.version && sameValues(live.values, loaded.values)) return 'ignore';
  if (sameValues(live.values, shown)) return 'acknowledge';
  if (sameValues(live.values, loaded.values)) return 'take-version';
  return sameValues(shown, loaded.values) ? 'refresh' : 'hold';
}

/** Thrown by a save that found someone else's newer values; carries them so the form can offer them. */
export class ChangedElsewhereError<V> extends Error {
  constructor(readonly current: Stored<V>) {
    super('Someone else saved a newer version while you were editing; nothing was saved.');
    this.name = 'ChangedElsewhereError';
  }
}

/** Version token of a document stamped with `updatedAt` (case configuration, case templates). */
export function stampVersion(updatedAt: { toMillis(): number } | null | undefined): string | null {
  // A snapshot shows a pending server timestamp as null; the confirmed one follows.
  return updatedAt ? String(updatedAt.toMillis()) : null;
}
