// This tab's presence for as long as the specialist desk is open: connects on
// arrival, disconnects when the desk goes away (the adapter also covers a tab
// that closes or a network that drops). The choice itself lives in presence/{uid}.
import { paths, type AvailabilityChoice } from '$shared/catalogue';
import type { PresenceDoc } from '$shared/model';
import { firebase, realtimeDatabase } from '$lib/firebase/app';
import { presenceMode } from '$lib/firebase/config';
import { docState } from '$lib/firebase/firestore.svelte';
import { connectPresence } from '$lib/presence/connect';
import type { PresenceConnection } from '$lib/presence/connection';

export type ConnectionState = 'connecting' | 'connected' | 'failed';

export class PresenceSession {
  #connection = $state.raw<PresenceConnection | null>(null);
  #doc;
  state = $state<ConnectionState>('connecting');
  problem = $state<string | null>(null);
  /** The stored choice; null while loading or before the first connection creates the document. */
  choice: AvailabilityChoice | null = $derived.by(() => this.#doc.data?.choice ?? null);

  constructor(uid: () => string | null) {
    this.#doc = docState<PresenceDoc>(() => {
      const u = uid();
      return u ? paths.presence(u) : null;
    });
    $effect(() => {
      const u = uid();
      if (!u) return;
      let left = false;
      this.state = 'connecting';
      connectPresence(presenceMode, {
        uid: u,
        firestore: firebase().db,
        database: realtimeDatabase,
        onError: () => {
          if (!left) this.problem = 'Your presence could not be updated; retrying. Check your connection.';
        },
      }).then(
        (connection) => {
          if (left) {
            void connection.stop().catch(() => {});
            return;
          }
          this.#connection = connection;
          this.state = 'connected';
        },
        (error: unknown) => {
          if (left) return;
          this.state = 'failed';
          this.problem = `Could not connect your presence: ${error instanceof Error ? error.message : String(error)}`;
        },
      );
      return () => {
        left = true;
        const connection = this.#connection;
        this.#connection = null;
        void connection?.stop().catch(() => {});
      };
    });
    // A beat that lands after a failure shows the connection works again.
    $effect(() => {
      const id = this.#connection?.connectionId;
      if (id && this.#doc.data?.connections?.[id]) this.problem = null;
    });
  }

  async choose(choice: AvailabilityChoice): Promise<void> {
    const connection = this.#connection;
    if (!connection) throw new Error('Still connecting; try again in a moment.');
    await connection.setChoice(choice);
  }
}
