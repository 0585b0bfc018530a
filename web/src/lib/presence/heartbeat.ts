// Local presence without the Realtime Database: each tab stamps its own key in
// presence/{uid}.connections every heartbeat interval. Two tabs are two keys, so
// closing one leaves the specialist connected; when the last goes quiet its key
// expires by PRESENCE.ttlMs. Pure logic over a store port (presenceDoc.ts in the app).
import type { AvailabilityChoice } from '$shared/catalogue';
import { expiredConnectionIds } from './connectionIds';
import { createPulse, type Timers } from './pulse';
import type { PageLifecycle, PresenceConnection } from './connection';

/** The writes heartbeat presence needs on presence/{uid}; each touches at most one connection key. */
export interface HeartbeatStore {
  /** Stamps this connection, creating the document (as away) if the specialist has none. */
  ensureConnection(connectionId: string): Promise<void>;
  /** Stamps this connection on an existing document. */
  refresh(connectionId: string): Promise<void>;
  remove(connectionId: string): Promise<void>;
  /** Server-stamped times in ms (null while pending); null when there is no document. */
  readConnections(): Promise<Record<string, number | null> | null>;
  /** Writes the choice, creating the document with this connection if needed. */
  setChoice(choice: AvailabilityChoice, connectionId: string | null): Promise<void>;
}

export interface HeartbeatOptions {
  store: HeartbeatStore;
  connectionId: string;
  intervalMs: number;
  ttlMs: number;
  timers: Timers;
  page: PageLifecycle | null;
  onError: (error: unknown) => void;
}

export function startHeartbeat(options: HeartbeatOptions): PresenceConnection {
  const { store, connectionId, page, onError } = options;
  let stopped = false;
  // The cheap update needs the document; after a failure the next beat checks again.
  let ensured = false;
  let pruned = false;
  let inFlight: Promise<void> = Promise.resolve();

  async function pruneDeadTabs() {
    pruned = true;
    const connections = await store.readConnections();
    const now = connections?.[connectionId];
    if (connections == null || now == null) return;
    // One key per write, as the rules demand; stale keys of crashed tabs would
    // otherwise stay in the map for good.
    for (const id of expiredConnectionIds(connections, now, options.ttlMs, connectionId)) {
      if (stopped) return;
      await store.remove(id);
    }
  }

  async function beat() {
    if (!ensured) {
      await store.ensureConnection(connectionId);
      ensured = true;
    } else {
      try {
        await store.refresh(connectionId);
      } catch (error) {
        ensured = false;
        throw error;
      }
    }
    if (!pruned) await pruneDeadTabs();
  }

  const pulse = createPulse(
    () => {
      inFlight = beat();
      return inFlight;
    },
    { intervalMs: options.intervalMs, timers: options.timers, onError },
  );

  const unwatchPage =
    page?.watch(
      // Best effort: a closing page may not get the write out; the TTL covers it.
      () => void store.remove(connectionId).catch(onError),
      // Back from the back/forward cache: say so now rather than at the next tick.
      () => {
        if (stopped) return;
        pulse.stop();
        pulse.start();
      },
    ) ?? (() => {});

  pulse.start();

  return {
    connectionId,
    async setChoice(choice) {
      if (stopped) throw new Error('Presence was stopped; connect again before choosing availability.');
      await store.setChoice(choice, connectionId);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      pulse.stop();
      unwatchPage();
      // A beat still in flight (its failure was already reported) must land
      // before the removal, or it would put the key back.
      await inFlight.catch(() => {});
      await store.remove(connectionId);
    },
  };
}
