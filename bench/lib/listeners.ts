// Listeners that count what they are sent, and arrivals timed from the moment
// a write starts to the moment a listener sees its effect.
//
// Read counting: Firestore bills one read per document a listener receives from
// the server (added or modified), and at least one for a query's first answer
// or a document listener's first snapshot, even of a missing document. The SDK
// shows each such document as a non-metadata docChange; our own still-pending
// writes appear too but come from the local cache, so only changes without
// pending writes are counted. Deletions are not billed, so a document
// listener's later "does not exist" snapshots and a query's "removed" changes
// count nothing (a document that leaves a query because it changed is billed:
// those few are missed, e.g. the desk's list when a conversation closes).
import { performance } from 'node:perf_hooks';
import {
  onSnapshot,
  type DocumentChange,
  type DocumentReference,
  type DocumentSnapshot,
  type Query,
  type QuerySnapshot,
  type Unsubscribe,
} from 'firebase/firestore';

export class ReadCounter {
  reads = 0;
  #unsubscribes: Unsubscribe[] = [];

  query(query: Query, onChange?: (change: DocumentChange, snapshot: QuerySnapshot) => void): void {
    let first = true;
    this.#unsubscribes.push(
      onSnapshot(
        query,
        (snapshot) => {
          let billed = 0;
          for (const change of snapshot.docChanges()) {
            if (change.type !== 'removed' && !change.doc.metadata.hasPendingWrites) billed += 1;
            onChange?.(change, snapshot);
          }
          if (first && !snapshot.metadata.fromCache) {
            billed = Math.max(1, billed);
            first = false;
          }
          this.reads += billed;
        },
        (error) => this.#failed(error),
      ),
    );
  }

  doc(ref: DocumentReference, onData?: (snapshot: DocumentSnapshot) => void): void {
    let first = true;
    this.#unsubscribes.push(
      onSnapshot(
        ref,
        (snapshot) => {
          const fromServer = !snapshot.metadata.hasPendingWrites && !snapshot.metadata.fromCache;
          if (fromServer && (first || snapshot.exists())) this.reads += 1;
          if (fromServer) first = false;
          onData?.(snapshot);
        },
        (error) => this.#failed(error),
      ),
    );
  }

  /** Listener failures (rules refusing a read) are errors of the run, never hidden. */
  errors: string[] = [];
  #failed(error: { code?: string; message: string }) {
    this.errors.push(`${error.code ?? 'error'}: ${error.message}`);
  }

  stop(): void {
    for (const unsubscribe of this.#unsubscribes.splice(0)) unsubscribe();
  }
}

interface Pending {
  startedAt: number;
  resolve: (ms: number) => void;
}

/**
 * Arrivals keyed by what must be seen where, e.g. `${messageId}@${receiver}`.
 * `expect` starts the clock just before the write; the listener calls `seen`.
 */
export class Arrivals {
  #pending = new Map<string, Pending>();

  expect(key: string): Promise<number> {
    return new Promise((resolve) => this.#pending.set(key, { startedAt: performance.now(), resolve }));
  }

  seen(key: string): void {
    const pending = this.#pending.get(key);
    if (!pending) return;
    this.#pending.delete(key);
    pending.resolve(performance.now() - pending.startedAt);
  }

  /** The write failed: nothing will arrive. */
  cancel(key: string): void {
    this.#pending.delete(key);
  }

  /** Latency in ms, or null when nothing was seen within timeoutMs (the caller counts it as an error). */
  async within(key: string, arrival: Promise<number>, timeoutMs: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    });
    const result = await Promise.race([arrival, timeout]);
    clearTimeout(timer);
    if (result === null) this.#pending.delete(key);
    return result;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects when `promise` has not settled within `ms`: every wait of the bench is bounded. */
export async function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the counters' total stops moving for quietMs (listeners caught up), at most maxMs. */
export async function settle(counters: readonly ReadCounter[], quietMs = 1000, maxMs = 20_000): Promise<void> {
  const total = () => counters.reduce((sum, c) => sum + c.reads, 0);
  const end = Date.now() + maxMs;
  let last = total();
  let stableSince = Date.now();
  while (Date.now() < end) {
    await sleep(100);
    const now = total();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
  }
}

/** Polls a condition on listener state (never the server) until it holds; throws after timeoutMs. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
