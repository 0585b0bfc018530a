// One conversation as a participant lives it, for the user's page and the
// specialist's page alike: the conversation document, the message window, the
// other side's typing and read marker, this side's typing signal and read
// marker, and sending. Create while a component initialises; every listener
// ends with it. Each side says who it is and who the other side is.
import { paths } from '$shared/catalogue';
import type { ConversationDoc } from '$shared/model';
import { docState } from '$lib/firebase/firestore.svelte';
import { sendErrorMessage } from '$lib/firebase/errors';
import type { Clock } from '$lib/clock.svelte';
import { messageFeed } from './messages.svelte';
import { keepReadMarker, ReadWatch } from './reads.svelte';
import { TypingSignal, TypingWatch } from './typing.svelte';
import { sendMessage } from './writes';

export interface SessionSide {
  /** Who is looking: their uid once signed in, and how they write. */
  self: () => string | null;
  role: 'user' | 'specialist';
  /** The other participant whose typing and read marker count, or null when there is none (yet). */
  other: (conversation: ConversationDoc | null) => string | null;
  /** Whether this person takes part now: writes their read marker and typing signal. */
  participates: (conversation: ConversationDoc | null) => boolean;
  /** Whether they may write now: the typing signal runs only then. */
  writing: (conversation: ConversationDoc | null) => boolean;
}

export class ConversationSession {
  readonly conversation;
  readonly feed;
  readonly typing;
  readonly theirReads;
  c = $derived.by(() => this.conversation.data ?? null);
  /** Why the last message could not be sent, with its text so nothing is lost. */
  sendProblem = $state<string | null>(null);
  #signal = new TypingSignal();
  #side: SessionSide;

  constructor(conversationId: () => string, side: SessionSide, now: Clock) {
    this.#side = side;
    this.conversation = docState<ConversationDoc>(() => paths.conversation(conversationId()));
    this.feed = messageFeed(() => ({
      conversationId: conversationId(),
      audience: side.role === 'user' ? 'user' : 'staff',
    }));
    // Primitives, so listeners do not restart on every update of the conversation document.
    const other = $derived(side.other(this.c));
    const reader = $derived(side.participates(this.c) ? side.self() : null);
    const writer = $derived(side.writing(this.c) ? side.self() : null);
    this.typing = new TypingWatch(() => (other ? { conversationId: conversationId(), uid: other } : null), now);
    this.theirReads = new ReadWatch(() => (other ? { conversationId: conversationId(), uid: other } : null));
    keepReadMarker(
      () => (reader ? { conversationId: conversationId(), uid: reader } : null),
      () => this.feed.messages,
      now,
    );
    $effect(() => {
      this.#signal.setTarget(writer ? { conversationId: conversationId(), uid: writer } : null);
    });
    $effect(() => () => this.#signal.stop());
  }

  typed(): void {
    this.#signal.typed();
  }

  stoppedTyping(): void {
    this.#signal.stop();
  }

  /** Sends under the next sequenced id; offline, it shows as "Sending…" until the connection is back. */
  send(text: string, note = false): void {
    const uid = this.#side.self();
    const c = this.c;
    if (!c || !uid) return;
    this.sendProblem = null;
    const known = { ids: this.feed.messages.map((m) => m.id), complete: !this.feed.hasOlder };
    const action = note ? 'add your note' : 'send your message';
    sendMessage({ conversationId: c.id, author: { id: uid, role: this.#side.role }, text, note }, known).stored.catch(
      (error: unknown) => {
        this.sendProblem = `${sendErrorMessage(error, action)} It was: “${text.slice(0, 200)}”`;
      },
    );
  }
}

export const conversationSession = (conversationId: () => string, side: SessionSide, now: Clock) =>
  new ConversationSession(conversationId, side, now);
