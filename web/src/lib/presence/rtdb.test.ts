import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { PRESENCE, type AvailabilityChoice } from '$shared/catalogue';
import { deferred, FakeRtdbLink } from './fakes';
import { startRtdbPresence } from './rtdb';

const INTERVAL = PRESENCE.heartbeatIntervalMs;

let link: FakeRtdbLink;
let choices: AvailabilityChoice[];
let onError: Mock<(error: unknown) => void>;

beforeEach(() => {
  vi.useFakeTimers();
  link = new FakeRtdbLink();
  choices = [];
  onError = vi.fn();
});
afterEach(() => {
  vi.useRealTimers();
});

function start() {
  return startRtdbPresence({
    link,
    choice: { setChoice: async (choice) => void choices.push(choice) },
    connectionId: 'tab-aaaaaaaa',
    intervalMs: INTERVAL,
    timers: globalThis,
    onError,
  });
}

describe('RTDB presence', () => {
  it('writes nothing until the database says it is connected', async () => {
    start();
    link.setConnected(false);
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(link.calls).toEqual([]);
  });

  it('arms onDisconnect first and marks itself alive only once that resolved', async () => {
    const arm = deferred();
    link.arms.push(arm);
    start();
    link.setConnected(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(link.calls).toEqual(['arm']);
    arm.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(link.calls).toEqual(['arm', 'alive']);
  });

  it('refreshes `at` every interval while connected, and stops refreshing when the link drops', async () => {
    start();
    link.setConnected(true);
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(link.calls).toEqual(['arm', 'alive', 'alive', 'alive']);
    link.setConnected(false);
    await vi.advanceTimersByTimeAsync(INTERVAL * 3);
    expect(link.calls.filter((c) => c === 'alive')).toHaveLength(3);
  });

  it('re-arms onDisconnect on every reconnect', async () => {
    start();
    link.setConnected(true);
    await vi.advanceTimersByTimeAsync(0);
    link.setConnected(false);
    link.setConnected(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(link.calls).toEqual(['arm', 'alive', 'arm', 'alive']);
  });

  it('does not mark alive when the link dropped before the arm resolved', async () => {
    const arm = deferred();
    link.arms.push(arm);
    start();
    link.setConnected(true);
    link.setConnected(false);
    arm.resolve();
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(link.calls).toEqual(['arm']);
  });

  it('reports an arm that failed and writes no entry', async () => {
    const arm = deferred();
    link.arms.push(arm);
    start();
    link.setConnected(true);
    arm.reject(new Error('permission_denied'));
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(link.calls).toEqual(['arm']);
  });

  it('on stop cancels onDisconnect, removes the entry and writes nothing after', async () => {
    const presence = start();
    link.setConnected(true);
    await vi.advanceTimersByTimeAsync(0);
    await presence.stop();
    link.setConnected(true);
    await vi.advanceTimersByTimeAsync(INTERVAL * 2);
    expect(link.calls).toEqual(['arm', 'alive', 'unsubscribe', 'cancel', 'remove']);
  });

  it('does not write the entry when stopped while arming', async () => {
    const arm = deferred();
    link.arms.push(arm);
    const presence = start();
    link.setConnected(true);
    await presence.stop();
    arm.resolve();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(link.calls).not.toContain('alive');
  });

  it('writes the choice through Firestore, and refuses it after stop', async () => {
    const presence = start();
    await presence.setChoice('available');
    await presence.stop();
    await expect(presence.setChoice('away')).rejects.toThrow(/stopped/);
    expect(choices).toEqual(['available']);
  });
});
