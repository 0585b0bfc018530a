import { describe, expect, it } from 'vitest';
import { expiredConnectionIds, isConnectionId, newConnectionId } from './connectionIds';

describe('newConnectionId', () => {
  it('uses randomUUID when the page has it', () => {
    const id = newConnectionId({ randomUUID: () => '0b6f3c2e-1d0a-4c1e-9f57-6a1f9d3c2b10', getRandomValues: (a) => a });
    expect(id).toBe('0b6f3c2e-1d0a-4c1e-9f57-6a1f9d3c2b10');
  });

  it('falls back to random bytes outside a secure context', () => {
    const id = newConnectionId({ getRandomValues: (a) => a.fill(171) });
    expect(id).toBe('ab'.repeat(16));
    expect(isConnectionId(id)).toBe(true);
  });

  it('gives a different, valid id each call with the real crypto', () => {
    const a = newConnectionId();
    const b = newConnectionId();
    expect(a).not.toBe(b);
    expect(isConnectionId(a)).toBe(true);
  });
});

describe('isConnectionId', () => {
  it.each(['a.b.c.d.e', 'has/slash-1', 'dollar$sign', 'short', 'x'.repeat(65), 'bad[bracket]'])('refuses %s', (id) => {
    expect(isConnectionId(id)).toBe(false);
  });
});

describe('expiredConnectionIds', () => {
  const now = 100_000;

  it('lists other tabs older than the TTL, never this tab', () => {
    const connections = { mine: now - 90_000, dead: now - 45_001, alive: now - 45_000 };
    expect(expiredConnectionIds(connections, now, 45_000, 'mine')).toEqual(['dead']);
  });

  it('leaves keys the server has not stamped yet', () => {
    expect(expiredConnectionIds({ pending: null }, now, 45_000, 'mine')).toEqual([]);
  });
});
