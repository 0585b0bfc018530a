// Read receipts, both ways. ReadWatch follows the other participant's marker;
// ReadMarker writes ours while the page is visible and shows something newer
// from the other side, throttled by shouldMarkRead.
import { paths } from '$shared/catalogue';
import type { ReadMarkerDoc } from '$shared/model';
import { docState } from '$lib/firebase/firestore.svelte';
import type { Clock } from '$lib/clock.svelte';
import { newestFromOthers, shouldMarkRead, type ReadableMessage } from './reads';
import { markRead } from './writes';

export interface ReadTarget {
  conversationId: string;
  uid: string;
}

export class ReadWatch {
  #doc;
  /** Server time up to which the watched person had read; null when unknown or never. */
  markerMs: number | null = $derived.by(() => this.#doc.data?.at?.toMillis() ?? null);

  /** `target` is null when there is nobody to watch (or we may not read their marker). */
  constructor(target: () => ReadTarget | null) {
    this.#doc = docState<ReadMarkerDoc>(() => {
      const t = target();
      return t ? paths.readMarker(t.conversationId, t.uid) : null;
    });
  }
}

export class ReadMarker {
  #visible = $state(typeof document === 'undefined' || document.visibilityState === 'visible');
  #key: string | null = null;
  #markedUpToMs: number | null = null;
  #lastWriteMs: number | null = null;

  /** `target` is our own marker, null while we may not write it; `messages` are the ones on screen. */
  constructor(target: () => ReadTarget | null, messages: () => readonly ReadableMessage[], clock: Clock) {
    $effect(() => {
      const sync = () => (this.#visible = document.visibilityState === 'visible');
      sync();
      document.addEventListener('visibilitychange', sync);
      return () => document.removeEventListener('visibilitychange', sync);
    });
    // Re-runs on each clock tick too, so a write held back by the throttle still happens.
    $effect(() => {
      const t = target();
      const newestSeenMs = t ? newestFromOthers(messages(), t.uid) : null;
      const nowMs = clock.now;
      if (!t) return;
      const key = `${t.conversationId}/${t.uid}`;
      if (key !== this.#key) {
        this.#key = key;
        this.#markedUpToMs = null;
        this.#lastWriteMs = null;
      }
      const state = {
        newestSeenMs,
        markedUpToMs: this.#markedUpToMs,
        lastWriteMs: this.#lastWriteMs,
        nowMs,
        visible: this.#visible,
      };
      if (!shouldMarkRead(state)) return;
      this.#markedUpToMs = newestSeenMs;
      this.#lastWriteMs = nowMs;
      // Best effort: a lost marker only leaves "Sent" showing a little longer.
      void markRead(t.conversationId, t.uid).catch(() => {});
    });
  }
}

/** Create while a component initialises; it marks for as long as the component lives. */
export const keepReadMarker = (
  target: () => ReadTarget | null,
  messages: () => readonly ReadableMessage[],
  clock: Clock,
) => new ReadMarker(target, messages, clock);
