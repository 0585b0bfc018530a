// The interfaces every presence adapter and its callers share. A leaf module:
// it imports no adapter, so the adapters and connect.ts can all import it.
import type { Firestore } from 'firebase/firestore';
import type { Database } from 'firebase/database';
import type { AvailabilityChoice } from '$shared/catalogue';
import type { Timers } from './pulse';

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
