import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPulse } from './pulse';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createPulse', () => {
  it('beats at once, then every interval', async () => {
    const beat = vi.fn(async () => {});
    createPulse(beat, { intervalMs: 1_000, timers: globalThis, onError: vi.fn() }).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(beat).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(beat).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(beat).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(beat).toHaveBeenCalledTimes(4);
  });

  it('waits for a slow beat before counting the next interval', async () => {
    const slow = deferred();
    const beat = vi.fn().mockReturnValueOnce(slow.promise).mockResolvedValue(undefined);
    createPulse(beat, { intervalMs: 1_000, timers: globalThis, onError: vi.fn() }).start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(beat).toHaveBeenCalledTimes(1);
    slow.resolve();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(beat).toHaveBeenCalledTimes(2);
  });

  it('reports a failed beat and keeps beating', async () => {
    const failure = new Error('offline');
    const beat = vi.fn().mockRejectedValueOnce(failure).mockResolvedValue(undefined);
    const onError = vi.fn();
    createPulse(beat, { intervalMs: 1_000, timers: globalThis, onError }).start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onError).toHaveBeenCalledWith(failure);
    expect(beat).toHaveBeenCalledTimes(2);
  });

  it('beats no more after stop', async () => {
    const beat = vi.fn(async () => {});
    const pulse = createPulse(beat, { intervalMs: 1_000, timers: globalThis, onError: vi.fn() });
    pulse.start();
    await vi.advanceTimersByTimeAsync(0);
    pulse.stop();
    expect(pulse.running).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(beat).toHaveBeenCalledTimes(1);
  });

  it('keeps a single chain when restarted while a beat is in flight', async () => {
    const slow = deferred();
    const beat = vi.fn().mockReturnValueOnce(slow.promise).mockResolvedValue(undefined);
    const pulse = createPulse(beat, { intervalMs: 1_000, timers: globalThis, onError: vi.fn() });
    pulse.start();
    pulse.stop();
    pulse.start();
    slow.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(beat).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(beat).toHaveBeenCalledTimes(5);
  });

  it('ignores start while already running', async () => {
    const beat = vi.fn(async () => {});
    const pulse = createPulse(beat, { intervalMs: 1_000, timers: globalThis, onError: vi.fn() });
    pulse.start();
    pulse.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(beat).toHaveBeenCalledTimes(1);
  });
});
