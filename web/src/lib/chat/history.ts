// A conversation's history as the message list shows it: older pages fetched on
// demand, then the live window of the latest messages. Messages are never
// edited or deleted (rules), so a page fetched once stays true. Pure.

export interface Identified {
  id: string;
}

/** Older messages, then the live ones; a message in both appears once, as live. */
export function mergeHistory<T extends Identified>(older: readonly T[], live: readonly T[]): T[] {
  const liveIds = new Set(live.map((m) => m.id));
  return [...older.filter((m) => !liveIds.has(m.id)), ...live];
}

/** Puts an older page in front of what is held, dropping any message already held. */
export function prependPage<T extends Identified>(page: readonly T[], held: readonly T[]): T[] {
  const heldIds = new Set(held.map((m) => m.id));
  return [...page.filter((m) => !heldIds.has(m.id)), ...held];
}

/**
 * Whether older messages may exist before what is held: a full page (live
 * window or last fetched page) says maybe; a short one says the start was reached.
 */
export function mayHaveOlder(lastPageSize: number, pageSize: number): boolean {
  return lastPageSize >= pageSize;
}
