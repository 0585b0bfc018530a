import { describe, expect, it } from 'vitest';
import { PRESENCE } from '$shared/catalogue';
import type { PresenceDoc, Time } from '$shared/model';
import { availabilityOf, lastSignOfLife } from './availability';

const at = (ms: number): Time => ({ toMillis: () => ms });
const NOW = 1_000_000;

function presence(choice: PresenceDoc['choice'], ...stamps: (number | null)[]) {
  const connections: Record<string, Time> = {};
  stamps.forEach((ms, i) => {
    // A pending server timestamp shows as null in a client snapshot.
    connections[`c${i}`] = ms === null ? (null as unknown as Time) : at(ms);
  });
  return { choice, connections };
}

describe('availabilityOf', () => {
  it('is not connected without a presence document or any connection', () => {
    expect(availabilityOf(undefined, NOW)).toBe('offline');
    expect(availabilityOf(null, NOW)).toBe('offline');
    expect(availabilityOf(presence('available'), NOW)).toBe('offline');
  });

  it('follows the choice while a connection is fresh', () => {
    expect(availabilityOf(presence('available', NOW - 1_000), NOW)).toBe('available');
    expect(availabilityOf(presence('away', NOW - 1_000), NOW)).toBe('away');
  });

  it('keeps a connection exactly at the TTL and drops one just past it', () => {
    expect(availabilityOf(presence('available', NOW - PRESENCE.ttlMs), NOW)).toBe('available');
    expect(availabilityOf(presence('available', NOW - PRESENCE.ttlMs - 1), NOW)).toBe('offline');
  });

  it('judges by the newest of several connections and ignores pending stamps', () => {
    expect(availabilityOf(presence('available', NOW - PRESENCE.ttlMs - 5, null, NOW - 10), NOW)).toBe('available');
    expect(lastSignOfLife(presence('away', null))).toBeNull();
    expect(lastSignOfLife(presence('away', 5, 9, 7))).toBe(9);
  });
});
