import { describe, expect, it } from 'vitest';
import type { Time } from '../shared/model';
import { connectionsFromRtdb, mirrorDecision } from './mirrorDecision';

const at = (ms: number): Time => ({ toMillis: () => ms });
const status = (connections: Record<string, number>) => ({
  connections: Object.fromEntries(Object.entries(connections).map(([id, ms]) => [id, { at: ms }])),
});

describe('connectionsFromRtdb', () => {
  it('reads every connection with a numeric `at`', () => {
    expect(connectionsFromRtdb(status({ a: 10, b: 20 }))).toEqual({ a: 10, b: 20 });
  });

  it('treats a deleted node or one without connections as no connection', () => {
    expect(connectionsFromRtdb(null)).toEqual({});
    expect(connectionsFromRtdb({})).toEqual({});
  });

  it('ignores entries that do not have the expected shape', () => {
    const value = { connections: { ok: { at: 5 }, text: { at: '5' }, bare: 7, nan: { at: Number.NaN }, nil: null } };
    expect(connectionsFromRtdb(value)).toEqual({ ok: 5 });
    expect(connectionsFromRtdb({ connections: [{ at: 1 }] })).toEqual({});
  });
});

describe('mirrorDecision', () => {
  it('creates the document as away when the specialist has none yet', () => {
    expect(mirrorDecision(undefined, status({ a: 100 }), 1_000)).toEqual({
      kind: 'write',
      next: { choice: 'away', connections: { a: 100 }, mirroredEventAtMs: 1_000 },
    });
  });

  it('keeps the choice and replaces the connections with the RTDB ones', () => {
    const existing = { choice: 'available' as const, mirroredEventAt: at(1_000) };
    expect(mirrorDecision(existing, status({ b: 1_900 }), 2_000)).toEqual({
      kind: 'write',
      next: { choice: 'available', connections: { b: 1_900 }, mirroredEventAtMs: 2_000 },
    });
  });

  it('empties the connections when the last one disconnected', () => {
    const existing = { choice: 'available' as const, mirroredEventAt: at(1_000) };
    expect(mirrorDecision(existing, null, 2_000)).toMatchObject({ kind: 'write', next: { connections: {} } });
  });

  it('drops an event older than the state already mirrored', () => {
    const existing = { choice: 'available' as const, mirroredEventAt: at(2_000) };
    const decision = mirrorDecision(existing, status({ old: 900 }), 1_999);
    expect(decision.kind).toBe('drop');
  });

  it('writes the same document again for the same event delivered twice', () => {
    const first = mirrorDecision({ choice: 'away' }, status({ a: 1 }), 3_000);
    expect(first.kind).toBe('write');
    const mirrored = { choice: 'away' as const, mirroredEventAt: at(3_000) };
    expect(mirrorDecision(mirrored, status({ a: 1 }), 3_000)).toEqual(first);
  });
});
