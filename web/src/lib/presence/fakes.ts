// In-memory stand-ins for the Firestore and RTDB sides of presence, for unit tests.
import type { AvailabilityChoice } from '$shared/catalogue';
import type { HeartbeatStore } from './heartbeat';
import type { RtdbLink } from './rtdb';

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** presence/{uid} as the server would hold it; `now()` plays the server clock. */
export class FakePresenceDoc {
  doc: { choice: AvailabilityChoice; connections: Map<string, number> } | null = null;
  /** Connection keys touched by each write, to check the one-key-per-write rule. */
  readonly writes: { op: string; keys: string[] }[] = [];
  /** Set to make the next write of that kind wait or fail. */
  readonly hold = new Map<string, Deferred>();

  constructor(readonly now: () => number) {}

  connectionIds() {
    return [...(this.doc?.connections.keys() ?? [])].sort();
  }

  private async write(op: string, keys: string[], apply: () => void) {
    const held = this.hold.get(op);
    if (held) {
      this.hold.delete(op);
      await held.promise;
    }
    this.writes.push({ op, keys });
    apply();
  }

  store(): HeartbeatStore {
    const stamp = (id: string | null) => {
      if (id) this.doc!.connections.set(id, this.now());
    };
    return {
      ensureConnection: (id) =>
        this.write('ensure', [id], () => {
          this.doc ??= { choice: 'away', connections: new Map() };
          stamp(id);
        }),
      refresh: (id) =>
        this.write('refresh', [id], () => {
          if (!this.doc) throw new Error('not-found');
          stamp(id);
        }),
      remove: (id) =>
        this.write('remove', [id], () => {
          if (!this.doc) throw new Error('not-found');
          this.doc.connections.delete(id);
        }),
      setChoice: (choice, id) =>
        this.write('choice', this.doc ? [] : id ? [id] : [], () => {
          if (this.doc) this.doc.choice = choice;
          else {
            this.doc = { choice, connections: new Map() };
            stamp(id);
          }
        }),
      readConnections: async () => (this.doc ? Object.fromEntries(this.doc.connections) : null),
    };
  }
}

/** One tab's RTDB entry plus the connection state the server reports. */
export class FakeRtdbLink implements RtdbLink {
  readonly calls: string[] = [];
  listener: ((connected: boolean) => void) | null = null;
  /** Each arm waits on the next deferred pushed here, or resolves at once. */
  readonly arms: Deferred[] = [];

  setConnected(connected: boolean) {
    this.listener?.(connected);
  }

  onConnectedChange(listener: (connected: boolean) => void) {
    this.listener = listener;
    return () => {
      this.calls.push('unsubscribe');
      this.listener = null;
    };
  }

  async armRemoveOnDisconnect() {
    this.calls.push('arm');
    await this.arms.shift()?.promise;
  }

  async cancelOnDisconnect() {
    this.calls.push('cancel');
  }

  async markAlive() {
    this.calls.push('alive');
  }

  async remove() {
    this.calls.push('remove');
  }
}
