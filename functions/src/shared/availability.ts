// Whether a specialist can take work, judged from the presence document alone:
// the one rule routing, transfers, the sweep, the admin's specialist list and the
// metrics table all apply. Freshness is decided by time, so a tab that crashed,
// a heartbeat that stopped or an RTDB disconnect that never arrived all expire
// without any sweeper.
import { PRESENCE } from './catalogue';
import type { PresenceDoc } from './model';

/** The part of a presence document availability depends on; a missing document is `undefined`. */
export type PresenceView = Pick<PresenceDoc, 'choice' | 'connections'>;

/** How a specialist shows on staff screens. */
export type Availability = 'available' | 'away' | 'offline';

/** Milliseconds of the most recent connection timestamp, or null without any connection. */
export function newestSignOfLife(p: Partial<Pick<PresenceDoc, 'connections'>> | null | undefined): number | null {
  let newest: number | null = null;
  for (const at of Object.values(p?.connections ?? {})) {
    // A client snapshot shows a pending server timestamp as null until the server stamps it.
    const ms = at?.toMillis();
    if (ms !== undefined && (newest === null || ms > newest)) newest = ms;
  }
  return newest;
}

/** True while some connection showed life within PRESENCE.ttlMs of `nowMs`. */
export function isConnected(p: Partial<Pick<PresenceDoc, 'connections'>> | null | undefined, nowMs: number): boolean {
  const newest = newestSignOfLife(p);
  return newest !== null && nowMs - newest <= PRESENCE.ttlMs;
}

/** Chose "available", is connected, and serves fewer conversations than the limit. */
export function isAvailable(
  p: PresenceView | undefined,
  activeCount: number,
  maxConversations: number,
  nowMs: number,
): boolean {
  return p?.choice === 'available' && isConnected(p, nowMs) && activeCount < maxConversations;
}

/**
 * True when a presence write turns a specialist who could not be offered work
 * into one who can (chose available, or came back after their connections
 * expired): the moment routing should pull queued conversations. Both sides are
 * judged at the write's time, so a routine heartbeat of someone already
 * available is not a transition. Capacity is routing's business, not presence's.
 */
export function becameAvailable(
  before: PresenceView | undefined,
  after: PresenceView | undefined,
  atMs: number,
): boolean {
  const ready = (p: PresenceView | undefined) => p?.choice === 'available' && isConnected(p, atMs);
  return !ready(before) && ready(after);
}

/** Not connected, else available or away as they chose (capacity aside: staff screens show load separately). */
export function availabilityOf(p: Partial<PresenceView> | null | undefined, nowMs: number): Availability {
  if (!isConnected(p, nowMs)) return 'offline';
  return p?.choice === 'available' ? 'available' : 'away';
}
