import { describe, expect, it } from 'vitest';
import { READ_MARK_THROTTLE_MS, newestFromOthers, readMessageIds, shouldMarkRead, type ReadableMessage } from './reads';

const message = (
  id: string,
  authorId: string,
  createdAtMs: number | null,
  extra: Partial<ReadableMessage> = {},
): ReadableMessage => ({
  id,
  authorId,
  kind: 'text',
  visibility: 'all',
  createdAtMs,
  pending: false,
  ...extra,
});

describe('readMessageIds', () => {
  const messages = [
    message('m1', 'me', 1_000),
    message('s1', 'sam', 1_500),
    message('m2', 'me', 2_000),
    message('m3', 'me', 3_000),
  ];

  it('marks my messages at or before the other side’s marker, not later ones', () => {
    expect([...readMessageIds(messages, 'me', 2_000)]).toEqual(['m1', 'm2']);
    expect([...readMessageIds(messages, 'me', 1_999)]).toEqual(['m1']);
  });

  it('marks nothing without a marker or without knowing who I am', () => {
    expect(readMessageIds(messages, 'me', null).size).toBe(0);
    expect(readMessageIds(messages, null, 5_000).size).toBe(0);
  });

  it('never marks pending messages, internal notes or the other side’s messages', () => {
    const others = [
      message('p', 'me', 1_000, { pending: true }),
      message('n', 'me', 1_000, { kind: 'note', visibility: 'staff' }),
      message('s1', 'sam', 1_000),
    ];
    expect(readMessageIds(others, 'me', 5_000).size).toBe(0);
  });
});

describe('newestFromOthers', () => {
  it('is the newest stored message someone else wrote for me to read', () => {
    const messages = [
      message('s1', 'sam', 1_000),
      message('s2', 'sam', 3_000),
      message('m1', 'me', 4_000),
      message('sys', 'system', 5_000, { kind: 'system' }),
      message('note', 'lia', 6_000, { kind: 'note', visibility: 'staff' }),
      message('s3', 'sam', 7_000, { pending: true }),
    ];
    expect(newestFromOthers(messages, 'me')).toBe(3_000);
  });

  it('is null when only I have written', () => {
    expect(newestFromOthers([message('m1', 'me', 1_000)], 'me')).toBeNull();
    expect(newestFromOthers([], 'me')).toBeNull();
  });
});

describe('shouldMarkRead', () => {
  const fresh = { newestSeenMs: 1_000, markedUpToMs: null, lastWriteMs: null, nowMs: 10_000, visible: true };

  it('writes once something from the other side is on a visible page', () => {
    expect(shouldMarkRead(fresh)).toBe(true);
    expect(shouldMarkRead({ ...fresh, visible: false })).toBe(false);
    expect(shouldMarkRead({ ...fresh, newestSeenMs: null })).toBe(false);
  });

  it('does not write again until a newer message arrives', () => {
    expect(shouldMarkRead({ ...fresh, markedUpToMs: 1_000, lastWriteMs: 5_000 })).toBe(false);
    expect(shouldMarkRead({ ...fresh, newestSeenMs: 1_001, markedUpToMs: 1_000, lastWriteMs: 5_000 })).toBe(true);
  });

  it('writes at most once per throttle period', () => {
    const after = (elapsed: number) => ({
      ...fresh,
      newestSeenMs: 2_000,
      markedUpToMs: 1_000,
      lastWriteMs: 5_000,
      nowMs: 5_000 + elapsed,
    });
    expect(shouldMarkRead(after(READ_MARK_THROTTLE_MS - 1))).toBe(false);
    expect(shouldMarkRead(after(READ_MARK_THROTTLE_MS))).toBe(true);
  });

  it('keeps a busy conversation to one write per period', () => {
    let state = {
      newestSeenMs: 0,
      markedUpToMs: null as number | null,
      lastWriteMs: null as number | null,
      nowMs: 0,
      visible: true,
    };
    let writes = 0;
    for (let t = 0; t < 20_000; t += 100) {
      state = { ...state, newestSeenMs: t + 1, nowMs: t };
      if (shouldMarkRead(state)) {
        writes++;
        state = { ...state, markedUpToMs: state.newestSeenMs, lastWriteMs: t };
      }
    }
    expect(writes).toBe(10);
  });
});
