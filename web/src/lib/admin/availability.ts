// A specialist's availability as the admin list shows it, judged from their
// presence document the way routing judges it (functions/src/presence/availability.ts,
// which the web bundle cannot import): connected while any connection showed life
// within PRESENCE.ttlMs, then available or away as they chose.
import { PRESENCE } from '$shared/catalogue';
import type { PresenceDoc } from '$shared/model';

export type Availability = 'available' | 'away' | 'offline';

export const AVAILABILITY_LABEL: Record<Availability, string> = {
  available: 'Available',
  away: 'Away',
  offline: 'Not connected',
};

/** Milliseconds of the newest connection timestamp, or null without one. */
export function lastSignOfLife(presence: Pick<PresenceDoc, 'connections'> | null | undefined): number | null {
  let newest: number | null = null;
  for (const at of Object.values(presence?.connections ?? {})) {
    // A pending server timestamp reads as null until the server stamps it.
    const ms = at?.toMillis();
    if (ms !== undefined && (newest === null || ms > newest)) newest = ms;
  }
  return newest;
}

export function availabilityOf(
  presence: Pick<PresenceDoc, 'choice' | 'connections'> | null | undefined,
  nowMs: number,
): Availability {
  const newest = lastSignOfLife(presence);
  if (newest === null || nowMs - newest > PRESENCE.ttlMs) return 'offline';
  return presence?.choice === 'available' ? 'available' : 'away';
}
