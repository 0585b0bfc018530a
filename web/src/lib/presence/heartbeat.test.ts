import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE } from '$shared/catalogue';
import { deferred, FakePresenceDoc } from './fakes';
import { startHeartbeat } from './heartbeat';
import type { PageLifecycle } from './connection';

const INTERVAL = PRESENCE.heartbeatIntervalMs;
const TTL = PRESENCE.ttlMs;

let presence: FakePresenceDoc;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  presence = new FakePresenceDoc(() => Date.now());
});
afterEach(() => {
  vi.useRealTimers();
});

function tab(connectionId: string, extra: { page?: PageLifecycle; onError?: (e: unknown) => void } = {}) {
  return startHeartbeat({
    store: presence.store(),
    connectionId,
    intervalMs: INTERVAL,
    ttlMs: TTL,
    timers: globalThis,
    page: extra.page ?? null,
    onError: extra.onError ?? ((error) => expect.fail(`unexpected presence error: ${String(error)}`)),
  });
}

function fakePage() {
  const hooks = { hide: () => {}, show: () => {}, unwatched: false };
  const page: PageLifecycle = {
    watch(onHide, onShow) {
      hooks.hide = onHide;
      hooks.show = onShow;
      return () => void (hooks.unwatched = true);
    },
  };
  return { page, hooks };
}

describe('heartbeat presence', () => {
  it('creates the document as away with this tab, then refreshes it every interval', async () => {
    tab('tab-aaaaaaaa');
    await vi.advanceTimersByTimeAsync(0);
    expect(presence.doc?.choice).toBe('away');
    expect(presence.doc?.connections.get('tab-aaaaaaaa')).toBe(1_000_000);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(presence.doc?.connections.get('tab-aaaaaaaa')).toBe(1_000_000 + INTERVAL);
    expect(presence.writes.map((w) => w.op)).toEqual(['ensure', 'refresh']);
  });

  it('keeps one key per tab: closing one tab leaves the other, closing both leaves none', async () => {
    const first = tab('tab-aaaaaaaa');
    const second = tab('tab-bbbbbbbb');
    await vi.advanceTimersByTimeAsync(0);
    expect(presence.connectionIds()).toEqual(['tab-aaaaaaaa', 'tab-bbbbbbbb']);
    await first.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(presence.connectionIds()).toEqual(['tab-bbbbbbbb']);
    await second.stop();
    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(presence.connectionIds()).toEqual([]);
  });

  it('lets a beat in flight land before stop removes the key', async () => {
    const slowEnsure = deferred();
    presence.hold.set('ensure', slowEnsure);
    const connection = tab('tab-aaaaaaaa');
    const stopping = connection.stop();
    slowEnsure.resolve();
    await stopping;
    expect(presence.writes.map((w) => w.op)).toEqual(['ensure', 'remove']);
    expect(presence.connectionIds()).toEqual([]);
  });

  it('removes keys of dead tabs once at start, judged by the server time of its own key', async () => {
    presence.doc = {
      choice: 'available',
      connections: new Map([
        ['dead-xxxxxx', 1_000_000 - TTL - 1],
        ['slow-xxxxxx', 1_000_000 - TTL],
      ]),
    };
    tab('tab-aaaaaaaa');
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(presence.connectionIds()).toEqual(['slow-xxxxxx', 'tab-aaaaaaaa']);
    expect(presence.writes.filter((w) => w.op === 'remove')).toEqual([{ op: 'remove', keys: ['dead-xxxxxx'] }]);
  });

  it('reports a failed refresh and checks the document again on the next beat', async () => {
    const onError = vi.fn();
    tab('tab-aaaaaaaa', { onError });
    await vi.advanceTimersByTimeAsync(0);
    presence.doc = null;
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(onError).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(presence.writes.map((w) => w.op)).toEqual(['ensure', 'refresh', 'ensure']);
    expect(presence.connectionIds()).toEqual(['tab-aaaaaaaa']);
  });

  it('removes its key when the page is hidden and says it is back when restored', async () => {
    const { page, hooks } = fakePage();
    const connection = tab('tab-aaaaaaaa', { page });
    await vi.advanceTimersByTimeAsync(0);
    hooks.hide();
    await vi.advanceTimersByTimeAsync(0);
    expect(presence.connectionIds()).toEqual([]);
    hooks.show();
    await vi.advanceTimersByTimeAsync(0);
    expect(presence.connectionIds()).toEqual(['tab-aaaaaaaa']);
    await connection.stop();
    expect(hooks.unwatched).toBe(true);
  });

  it('writes the choice, and refuses it after stop', async () => {
    const connection = tab('tab-aaaaaaaa');
    await connection.setChoice('available');
    expect(presence.doc?.choice).toBe('available');
    await connection.stop();
    await expect(connection.setChoice('away')).rejects.toThrow(/stopped/);
    expect(presence.doc?.choice).toBe('available');
  });

  it('beats no more after stop', async () => {
    const connection = tab('tab-aaaaaaaa');
    await vi.advanceTimersByTimeAsync(0);
    await connection.stop();
    const writes = presence.writes.length;
    await vi.advanceTimersByTimeAsync(INTERVAL * 4);
    expect(presence.writes.length).toBe(writes);
  });
});
