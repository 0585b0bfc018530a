// Typing, both ways. TypingWatch follows the other participant's typing
// document and says whether they are typing now; TypingSignal writes ours,
// throttled, and deletes it when we send or leave the composer.
import { deleteDoc, doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { paths } from '$shared/catalogue';
import type { TypingDoc } from '$shared/model';
import { firebase } from '$lib/firebase/app';
import { docState } from '$lib/firebase/firestore.svelte';
import type { Clock } from '$lib/clock.svelte';
import { isTypingFresh, shouldSignalTyping, type TypingSign } from './typing';

export interface TypingTarget {
  conversationId: string;
  uid: string;
}

export class TypingWatch {
  #doc;
  #clock: Clock;
  #sign = $state.raw<TypingSign | null>(null);
  /** True while the watched person is typing. */
  active: boolean = $derived.by(() => isTypingFresh(this.#sign, this.#clock.now));

  /** `target` is null when there is nobody to watch (or we may not read their document). */
  constructor(target: () => TypingTarget | null, clock: Clock) {
    this.#clock = clock;
    this.#doc = docState<TypingDoc>(() => {
      const t = target();
      return t ? paths.typing(t.conversationId, t.uid) : null;
    });
    // Arrival time by this browser's clock; see isTypingFresh for why.
    $effect(() => {
      const data = this.#doc.data;
      this.#sign = data ? { atMs: data.at?.toMillis() ?? null, receivedAtMs: Date.now() } : null;
    });
  }
}

export class TypingSignal {
  #lastSignalMs: number | null = null;
  #target: TypingTarget | null = null;

  /** Which document to write; switching conversations clears the old one. */
  setTarget(target: TypingTarget | null) {
    if (this.#target && (target?.conversationId !== this.#target.conversationId || target.uid !== this.#target.uid)) {
      this.stop();
    }
    this.#target = target;
  }

  /** A keystroke: writes at most once per TYPING.throttleMs. */
  typed(nowMs = Date.now()) {
    const target = this.#target;
    if (!target || !shouldSignalTyping(this.#lastSignalMs, nowMs)) return;
    this.#lastSignalMs = nowMs;
    const data = { at: serverTimestamp() };
    // Best effort: a lost typing sign only hides the indicator.
    void setDoc(doc(firebase().db, paths.typing(target.conversationId, target.uid)), data).catch(() => {});
  }

  /** Sent, left the composer, or left the page: nobody should see us typing. */
  stop() {
    const target = this.#target;
    if (!target || this.#lastSignalMs === null) return;
    this.#lastSignalMs = null;
    void deleteDoc(doc(firebase().db, paths.typing(target.conversationId, target.uid))).catch(() => {});
  }
}
