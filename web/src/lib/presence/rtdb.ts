// Production presence: the Realtime Database removes this tab's entry when the
// connection drops (onDisconnect), and the mirrorPresence function copies
// /status/{uid} into Firestore. Pure logic over an RTDB port (rtdbLink.ts in the app).
import type { AvailabilityChoice } from '$shared/catalogue';
import { createPulse, type Timers } from './pulse';
import type { PresenceConnection } from './connection';

/** This tab's entry at /status/{uid}/connections/{connectionId}. */
export interface RtdbLink {
  /** Follows `.info/connected`; returns the unsubscribe. */
  onConnectedChange(listener: (connected: boolean) => void): () => void;
  armRemoveOnDisconnect(): Promise<void>;
  cancelOnDisconnect(): Promise<void>;
  /** Sets `{at: server time}`. */
  markAlive(): Promise<void>;
  remove(): Promise<void>;
}

export interface RtdbPresenceOptions {
  link: RtdbLink;
  /** The choice lives in Firestore; the RTDB only knows connections. */
  choice: { setChoice(choice: AvailabilityChoice): Promise<void> };
  connectionId: string;
  intervalMs: number;
  timers: Timers;
  onError: (error: unknown) => void;
}

export function startRtdbPresence(options: RtdbPresenceOptions): PresenceConnection {
  const { link, onError } = options;
  let stopped = false;
  // Bumped on every connection change, so an arm that resolves after the link
  // dropped again does not mark this tab alive on a connection nobody armed.
  let session = 0;
  // Refreshing `at` keeps freshness meaningful in production too: an entry whose
  // disconnect the server never processed still expires by PRESENCE.ttlMs.
  const pulse = createPulse(() => link.markAlive(), {
    intervalMs: options.intervalMs,
    timers: options.timers,
    onError,
  });

  const unsubscribe = link.onConnectedChange((connected) => {
    const mine = ++session;
    pulse.stop();
    if (!connected || stopped) return;
    // Arm first: an entry written before its removal is armed could outlive a
    // disconnect that happens in between.
    link.armRemoveOnDisconnect().then(() => {
      if (!stopped && mine === session) pulse.start();
    }, onError);
  });

  return {
    connectionId: options.connectionId,
    async setChoice(choice) {
      if (stopped) throw new Error('Presence was stopped; connect again before choosing availability.');
      await options.choice.setChoice(choice);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      session++;
      unsubscribe();
      pulse.stop();
      await link.cancelOnDisconnect();
      await link.remove();
    },
  };
}
