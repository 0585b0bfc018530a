import { describe, expect, it } from 'vitest';
import { PRESENCE } from '../shared/catalogue';
import type { PresenceDoc, Time } from '../shared/model';
import { dutyChanged } from './dutyChange';

const NOW = 1_700_000_000_000;
const at = (ms: number): Time => ({ toMillis: () => ms });
const presence = (choice: PresenceDoc['choice'], ageMs: number | null): PresenceDoc => ({
  choice,
  connections: ageMs === null ? {} : { tab: at(NOW - ageMs) },
  updatedAt: at(NOW),
});

describe('dutyChanged', () => {
  it('is true when a specialist chooses available while connected', () => {
    expect(dutyChanged(presence('away', 1_000), presence('available', 1_000), NOW)).toBe(true);
  });

  it('is true when an available specialist comes back after their connections expired', () => {
    expect(dutyChanged(presence('available', PRESENCE.ttlMs + 5_000), presence('available', 0), NOW)).toBe(true);
    expect(dutyChanged(undefined, presence('available', 0), NOW)).toBe(true);
  });

  it('is true when they go away or lose their last connection', () => {
    expect(dutyChanged(presence('available', 1_000), presence('away', 1_000), NOW)).toBe(true);
    expect(dutyChanged(presence('available', 1_000), presence('available', null), NOW)).toBe(true);
  });

  it('is false for a heartbeat of someone already on duty, or of someone away', () => {
    expect(dutyChanged(presence('available', 15_000), presence('available', 0), NOW)).toBe(false);
    expect(dutyChanged(presence('away', 15_000), presence('away', 0), NOW)).toBe(false);
  });
});
