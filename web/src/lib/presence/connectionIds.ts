// Connection ids and which connection keys are dead. Pure: no SDK, no DOM.

/** Usable as a Firestore map key and as an RTDB key (no `.`, `$`, `#`, `[`, `]`, `/`). */
const CONNECTION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function isConnectionId(id: string): boolean {
  return CONNECTION_ID.test(id);
}

export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * A fresh id for this tab's connection. A new one per page load, never stored:
 * a duplicated tab copies sessionStorage, and two tabs sharing one key would
 * let the first one closing erase the other's sign of life.
 */
export function newConnectionId(random: RandomSource = globalThis.crypto): string {
  // randomUUID exists only in secure contexts; an emulator app opened over a LAN
  // address is not one, so fall back to raw random bytes.
  if (random.randomUUID) return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keys of other tabs that showed no life within `ttlMs` of `nowMs`. Judged
 * against a server time (the caller's own fresh key), never the browser clock.
 * Removing a key that was merely slow is harmless: its tab's next beat adds it back.
 */
export function expiredConnectionIds(
  connections: Record<string, number | null>,
  nowMs: number,
  ttlMs: number,
  ownId: string,
): string[] {
  return Object.entries(connections)
    .filter(([id, at]) => id !== ownId && at !== null && nowMs - at > ttlMs)
    .map(([id]) => id);
}
