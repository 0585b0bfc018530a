import { describe, expect, it } from 'vitest';
import type { PresenceDoc, Time } from '../shared/model';
import { PRESENCE } from '../shared/catalogue';
import { pickSpecialist, someoneOnDuty, type Candidate } from './pickSpecialist';

const NOW = 1_700_000_000_000;
const at = (ms: number): Time => ({ toMillis: () => ms });
const online = (choice: PresenceDoc['choice'] = 'available', ageMs = 1_000): PresenceDoc => ({
  choice,
  connections: { tab: at(NOW - ageMs) },
  updatedAt: at(NOW - ageMs),
});

function candidate(uid: string, patch: Partial<Candidate> = {}): Candidate {
  return { uid, displayName: uid, level: 1, presence: online(), activeCount: 0, lastAssignedAtMs: null, ...patch };
}

const limits = { level: 1 as const, maxConversations: 3, nowMs: NOW };

describe('pickSpecialist', () => {
  it('takes the available specialist with the fewest active conversations', () => {
    const picked = pickSpecialist([candidate('a', { activeCount: 2 }), candidate('b', { activeCount: 1 })], limits);
    expect(picked?.uid).toBe('b');
  });

  it('skips the away, the disconnected and those at capacity', () => {
    const candidates = [
      candidate('away', { presence: online('away') }),
      candidate('stale', { presence: online('available', PRESENCE.ttlMs + 1) }),
      candidate('none', { presence: undefined }),
      candidate('full', { activeCount: 3 }),
      candidate('busy', { activeCount: 2 }),
    ];
    expect(pickSpecialist(candidates, limits)?.uid).toBe('busy');
  });

  it('returns null when nobody can take work', () => {
    expect(
      pickSpecialist([candidate('full', { activeCount: 3 }), candidate('away', { presence: online('away') })], limits),
    ).toBeNull();
    expect(pickSpecialist([], limits)).toBeNull();
  });

  it('never picks a specialist of the other level', () => {
    expect(pickSpecialist([candidate('l2', { level: 2 })], limits)).toBeNull();
    expect(
      pickSpecialist([candidate('l1'), candidate('l2', { level: 2, activeCount: 1 })], { ...limits, level: 2 })?.uid,
    ).toBe('l2');
  });

  it('breaks ties by the longest wait since the last assignment, never-assigned first', () => {
    const recent = candidate('a', { lastAssignedAtMs: NOW - 1_000 });
    const longAgo = candidate('b', { lastAssignedAtMs: NOW - 60_000 });
    expect(pickSpecialist([recent, longAgo], limits)?.uid).toBe('b');
    expect(pickSpecialist([recent, longAgo, candidate('z')], limits)?.uid).toBe('z');
  });

  it('breaks remaining ties by uid, whatever the input order', () => {
    expect(pickSpecialist([candidate('c'), candidate('a'), candidate('b')], limits)?.uid).toBe('a');
    expect(pickSpecialist([candidate('b'), candidate('c'), candidate('a')], limits)?.uid).toBe('a');
  });
});

describe('someoneOnDuty', () => {
  it('counts a connected, available specialist even at capacity', () => {
    expect(someoneOnDuty([candidate('full', { activeCount: 3 })], 1, NOW)).toBe(true);
  });

  it('does not count the away, the disconnected or the other level', () => {
    const candidates = [
      candidate('away', { presence: online('away') }),
      candidate('stale', { presence: online('available', PRESENCE.ttlMs + 1) }),
      candidate('l2', { level: 2 }),
    ];
    expect(someoneOnDuty(candidates, 1, NOW)).toBe(false);
  });
});
