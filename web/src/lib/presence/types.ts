// Specialist presence for the web app: one interface, two adapters. Production
// uses the Realtime Database (onDisconnect); emulators without the RTDB emulator
// use Firestore heartbeats. Either way routing reads presence/{uid}.
import type { Firestore } from 'firebase/firestore';
import type { Database } from 'firebase/database';
import { PRESENCE, type AvailabilityChoice } from '$shared/catalogue';
import type { PresenceMode } from '../firebase/emulators';
import { newConnectionId } from './connections';
import { startHeartbeat } from './heartbeat';
import { browserPage } from './page';
import { presenceDocument } from './presenceDoc';
import type { Timers } from './pulse';
import { startRtdbPresence } from './rtdb';

/** This tab's presence. */
export interface PresenceConnection {
  /** This tab's key in `connections` (one per page load). */
  readonly connectionId: string;
  /** Writes the specialist's choice; availability also needs a live connection. */
  setChoice(choice: AvailabilityChoice): Promise<void>;
  /** Ends this tab's connection. Resolves once the server has it (offline: when back online). */
  stop(): Promise<void>;
}

/** Page hide/show hooks; `onShow` fires only for a page restored from the back/forward cache. */
export interface PageLifecycle {
  watch(onHide: () => void, onShow: () => void): () => void;
}

export interface PresenceDeps {
  uid: string;
  firestore: Firestore;
  /** Needed in 'rtdb' mode only (the app passes realtimeDatabase, which loads the SDK lazily). */
  database?: () => Promise<Database>;
  /** Defaults to the browser's pagehide/pageshow; null to ignore the page (tests, workers). */
  page?: PageLifecycle | null;
  timers?: Timers;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export async function connectPresence(mode: PresenceMode, deps: PresenceDeps): Promise<PresenceConnection> {
  const store = presenceDocument(deps.firestore, deps.uid);
  const common = {
    intervalMs: deps.intervalMs ?? PRESENCE.heartbeatIntervalMs,
    timers: deps.timers ?? globalThis,
    onError: deps.onError ?? ((error: unknown) => console.error('Presence update failed', error)),
  };
  if (mode === 'heartbeat') {
    const page = deps.page === undefined ? browserPage() : deps.page;
    return startHeartbeat({ ...common, connectionId: newConnectionId(), store, page, ttlMs: PRESENCE.ttlMs });
  }
  if (!deps.database) throw new Error("Presence mode 'rtdb' needs the Realtime Database (deps.database).");
  // Loaded here so heartbeat builds never download the Realtime Database SDK.
  const [database, { claimConnectionSlot, rtdbLink }] = await Promise.all([deps.database(), import('./rtdbLink')]);
  // The RTDB rules accept ten fixed slot keys only (they cannot count children).
  const connectionId = await claimConnectionSlot(database, deps.uid);
  return startRtdbPresence({
    ...common,
    connectionId,
    link: rtdbLink(database, deps.uid, connectionId),
    choice: { setChoice: (choice) => store.setChoice(choice, null) },
  });
}
