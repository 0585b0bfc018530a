import { describe, expect, it } from 'vitest';
import type { Time } from '../shared/model';
import { connectionsFromRtdb, mirrorDecision } from './mirrorDecision';

const at = (ms: number): Time => ({ toMillis: () => ms });
const status = (connections: Record<string, number>) => ({
  connections: Object.fromEntries(Object.entries(connections).map(([id, ms]) => [id, { at: ms }])),
});

describe('connectionsFromRtdb', () => {
  it('reads every connection with a numeric `at`', () => {
    expect(connectionsFromRtdb(status({ slot0: 10, slot5: 20 }))).toEqual({ slot0: 10, slot5: 20 });
  });

  it('treats a deleted node or one without connections as no connection', () => {
    expect(connectionsFromRtdb(null)).toEqual({});
    expect(connectionsFromRtdb({})).toEqual({});
  });

  it('ignores entries that do not have the expected shape', () => {
    const value = {
      connections: { slot0: { at: 5 }, slot1: { at: '5' }, slot2: 7, slot3: { at: Number.NaN }, slot4: null },
    };
    expect(connectionsFromRtdb(value)).toEqual({ slot0: 5 });
    expect(connectionsFromRtdb({ connections: [{ at: 1 }] })).toEqual({});
  });

  it('takes only the ten slot keys, so no more than ten connections ever reach Firestore', () => {
    const value = { connections: { slot9: { at: 1 }, slot10: { at: 2 }, 'tab-x': { at: 3 } } };
    expect(connectionsFromRtdb(value)).toEqual({ slot9: 1 });
  });
});

describe('mirrorDecision', () => {
  it('creates the document as away when the specialist has none yet', () => {
    expect(mirrorDecision(undefined, status({ slot0: 100 }), 1_000)).toEqual({
      kind: 'write',
      next: { choice: 'away', connections: { slot0: 100 }, mirroredEventAtMs: 1_000 },
    });
  });

  it('keeps the choice and replaces the connections with the RTDB ones', () => {
    const existing = { choice: 'available' as const, mirroredEventAt: at(1_000) };
    expect(mirrorDecision(existing, status({ slot1: 1_900 }), 2_000)).toEqual({
      kind: 'write',
      next: { choice: 'available', connections: { slot1: 1_900 }, mirroredEventAtMs: 2_000 },
    });
  });

  it('empties the connections when the last one disconnected', () => {
    const existing = { choice: 'available' as const, mirroredEventAt: at(1_000) };
    expect(mirrorDecision(existing, null, 2_000)).toMatchObject({ kind: 'write', next: { connections: {} } });
  });

  it('drops an event older than the state already mirrored', () => {
    const existing = { choice: 'available' as const, mirroredEventAt: at(2_000) };
    const decision = mirrorDecision(existing, status({ slot2: 900 }), 1_999);
    expect(decision.kind).toBe('drop');
  });

  it('writes the same document again for the same event delivered twice', () => {
    const first = mirrorDecision({ choice: 'away' }, status({ slot0: 1 }), 3_000);
    expect(first.kind).toBe('write');
    const mirrored = { choice: 'away' as const, mirroredEventAt: at(3_000) };
    expect(mirrorDecision(mirrored, status({ slot0: 1 }), 3_000)).toEqual(first);
  });

  it('drops the events of an account that is no longer an active specialist', () => {
    const decision = mirrorDecision({ choice: 'available' }, status({ slot0: 1 }), 3_000, false);
    expect(decision).toEqual({ kind: 'drop', reason: 'the account is not an active specialist' });
    expect(mirrorDecision({ choice: 'available' }, status({ slot0: 1 }), 3_000, true).kind).toBe('write');
  });
});
