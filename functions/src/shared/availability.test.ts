import { describe, expect, it } from 'vitest';
import { PRESENCE } from './catalogue';
import type { PresenceDoc, Time } from './model';
import {
  availabilityOf,
  becameAvailable,
  isAvailable,
  isConnected,
  newestSignOfLife,
  type PresenceView,
} from './availability';

const NOW = 1_700_000_000_000;
const at = (ms: number): Time => ({ toMillis: () => ms });

function presence(choice: PresenceView['choice'], ...ages: number[]): PresenceView {
  return { choice, connections: Object.fromEntries(ages.map((age, i) => [`tab${i}`, at(NOW - age)])) };
}

describe('newestSignOfLife', () => {
  it('is the most recent connection timestamp', () => {
    expect(newestSignOfLife(presence('away', 30_000, 2_000, 90_000))).toBe(NOW - 2_000);
  });

  it('is null without connections or without a document', () => {
    expect(newestSignOfLife(presence('available'))).toBeNull();
    expect(newestSignOfLife(undefined)).toBeNull();
  });

  it('skips a timestamp the server has not stamped yet (null in a client snapshot)', () => {
    const pending = { connections: { a: null as unknown as Time, b: at(NOW - 5_000) } };
    expect(newestSignOfLife(pending)).toBe(NOW - 5_000);
  });
});

describe('isConnected', () => {
  it('holds while one connection is within the TTL, even if others expired', () => {
    expect(isConnected(presence('away', PRESENCE.ttlMs * 3, 1_000), NOW)).toBe(true);
  });

  it('holds exactly at the TTL and stops one millisecond after', () => {
    expect(isConnected(presence('away', PRESENCE.ttlMs), NOW)).toBe(true);
    expect(isConnected(presence('away', PRESENCE.ttlMs + 1), NOW)).toBe(false);
  });

  it('expires a connection whose disconnect never arrived, by time alone', () => {
    const p = presence('available', 0);
    expect(isConnected(p, NOW + PRESENCE.ttlMs + 1)).toBe(false);
  });

  it('is false without connections or document', () => {
    expect(isConnected(presence('available'), NOW)).toBe(false);
    expect(isConnected(undefined, NOW)).toBe(false);
  });
});

describe('isAvailable', () => {
  it('needs the choice, a live connection and spare capacity', () => {
    expect(isAvailable(presence('available', 1_000), 2, 3, NOW)).toBe(true);
  });

  it('is false for a specialist who chose away', () => {
    expect(isAvailable(presence('away', 1_000), 0, 3, NOW)).toBe(false);
  });

  it('is false when every connection expired', () => {
    expect(isAvailable(presence('available', PRESENCE.ttlMs + 1), 0, 3, NOW)).toBe(false);
  });

  it('is false at the conversation limit', () => {
    expect(isAvailable(presence('available', 1_000), 3, 3, NOW)).toBe(false);
  });

  it('is false without a presence document', () => {
    expect(isAvailable(undefined, 0, 3, NOW)).toBe(false);
  });
});

describe('becameAvailable', () => {
  it('is a transition when the specialist switches from away to available', () => {
    expect(becameAvailable(presence('away', 1_000), presence('available', 1_000), NOW)).toBe(true);
  });

  it('is a transition when an available specialist comes back after expiring', () => {
    expect(becameAvailable(presence('available', PRESENCE.ttlMs + 5_000), presence('available', 0), NOW)).toBe(true);
  });

  it('is a transition when the document is first created as available and connected', () => {
    expect(becameAvailable(undefined, presence('available', 0), NOW)).toBe(true);
  });

  it('is not a transition for a routine heartbeat of someone already available', () => {
    const before = presence('available', PRESENCE.heartbeatIntervalMs);
    expect(becameAvailable(before, presence('available', 0), NOW)).toBe(false);
  });

  it('is not a transition when choosing available without any live connection', () => {
    expect(becameAvailable(presence('away'), presence('available'), NOW)).toBe(false);
  });

  it('is not a transition when going away or losing the last connection', () => {
    expect(becameAvailable(presence('available', 0), presence('away', 0), NOW)).toBe(false);
    expect(becameAvailable(presence('available', 0), presence('available'), NOW)).toBe(false);
  });
});

describe('availabilityOf (staff screens)', () => {
  const stamped = (choice: PresenceDoc['choice'], ...stamps: (number | null)[]) => ({
    choice,
    // A pending server timestamp shows as null in a client snapshot.
    connections: Object.fromEntries(stamps.map((ms, i) => [`c${i}`, ms === null ? (null as unknown as Time) : at(ms)])),
  });

  it('is not connected without a presence document or any connection', () => {
    expect(availabilityOf(undefined, NOW)).toBe('offline');
    expect(availabilityOf(null, NOW)).toBe('offline');
    expect(availabilityOf(stamped('available'), NOW)).toBe('offline');
  });

  it('is available or away as chosen while a connection is fresh, up to exactly the TTL', () => {
    expect(availabilityOf(stamped('available', NOW - 1_000), NOW)).toBe('available');
    expect(availabilityOf(stamped('away', NOW - 1_000), NOW)).toBe('away');
    expect(availabilityOf(stamped('available', NOW - PRESENCE.ttlMs), NOW)).toBe('available');
    expect(availabilityOf(stamped('available', NOW - PRESENCE.ttlMs - 1), NOW)).toBe('offline');
  });

  it('judges by the newest connection and ignores pending stamps', () => {
    expect(availabilityOf(stamped('available', NOW - PRESENCE.ttlMs - 5, null, NOW - 10), NOW)).toBe('available');
    expect(newestSignOfLife(stamped('away', null))).toBeNull();
  });
});
