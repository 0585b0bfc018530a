// A conversation's messages as a rune object: the latest page live (with each
// message's sending/sent state from snapshot metadata), older pages fetched on
// demand. Never the whole history at once: long conversations stay cheap.
import { endBefore, getDocs, limitToLast, onSnapshot, query, type QueryDocumentSnapshot } from 'firebase/firestore';
import type { AuthorRole, MessageKind, MessageVisibility } from '$shared/catalogue';
import type { MessageDoc } from '$shared/model';
import { firebase } from '$lib/firebase/app';
import { readErrorMessage } from '$lib/firebase/errors';
import { conversationMessages } from '$lib/firebase/queries';
import { mayHaveOlder, mergeHistory, prependPage } from './history';

export const PAGE_SIZE = 50;

export interface ChatMessage {
  id: string;
  authorId: string;
  authorRole: AuthorRole;
  kind: MessageKind;
  visibility: MessageVisibility;
  text: string;
  /** Server time; while the write is pending, the SDK's local estimate. */
  createdAtMs: number | null;
  /** Written here and not yet confirmed by the server (e.g. sent while offline). */
  pending: boolean;
}

export interface FeedSource {
  conversationId: string;
  audience: 'user' | 'staff';
}

function toMessage(snapshot: QueryDocumentSnapshot): ChatMessage {
  const data = snapshot.data({ serverTimestamps: 'estimate' }) as MessageDoc;
  return {
    id: snapshot.id,
    authorId: data.authorId,
    authorRole: data.authorRole,
    kind: data.kind,
    visibility: data.visibility,
    text: data.text,
    createdAtMs: data.createdAt?.toMillis() ?? null,
    pending: snapshot.metadata.hasPendingWrites,
  };
}

const problem = (error: { code?: string }) => new Error(readErrorMessage(error.code), { cause: error });

export class MessageFeed {
  #live = $state.raw<ChatMessage[]>([]);
  #older = $state.raw<ChatMessage[]>([]);
  /** Snapshots of held messages, for the "older than" cursor. */
  #snapshots = new Map<string, QueryDocumentSnapshot>();
  #source: FeedSource | null = null;

  messages = $derived(mergeHistory(this.#older, this.#live));
  loading = $state(true);
  error = $state.raw<Error | null>(null);
  hasOlder = $state(false);
  loadingOlder = $state(false);
  olderError = $state<string | null>(null);

  constructor(source: () => FeedSource | null, pageSize = PAGE_SIZE) {
    $effect(() => {
      const current = source();
      this.#reset(current);
      if (!current) {
        this.loading = false;
        return;
      }
      let first = true;
      const window = query(
        conversationMessages(firebase().db, current.conversationId, current.audience),
        limitToLast(pageSize),
      );
      return onSnapshot(
        window,
        { includeMetadataChanges: true },
        (snapshot) => {
          const slidOut: ChatMessage[] = [];
          for (const change of snapshot.docChanges({ includeMetadataChanges: true })) {
            // Messages are never deleted, so "removed" means it slid out of the window: keep showing it.
            if (change.type === 'removed') slidOut.push(toMessage(change.doc));
            else this.#snapshots.set(change.doc.id, change.doc);
          }
          if (slidOut.length > 0) this.#older = [...this.#older, ...slidOut];
          this.#live = snapshot.docs.map(toMessage);
          if (first) {
            this.hasOlder = mayHaveOlder(snapshot.size, pageSize);
            first = false;
          }
          this.loading = false;
        },
        (error) => {
          this.error = problem(error);
          this.loading = false;
        },
      );
    });
  }

  #reset(source: FeedSource | null) {
    this.#source = source;
    this.#snapshots = new Map();
    this.#live = [];
    this.#older = [];
    this.error = null;
    this.olderError = null;
    this.hasOlder = false;
    this.loading = source !== null;
  }

  /** Fetches the page before the oldest message held. */
  async loadOlder(pageSize = PAGE_SIZE): Promise<void> {
    const source = this.#source;
    const oldest = this.messages.find((m) => !m.pending);
    const cursor = oldest ? this.#snapshots.get(oldest.id) : undefined;
    if (!source || !cursor || this.loadingOlder) return;
    this.loadingOlder = true;
    this.olderError = null;
    try {
      const base = conversationMessages(firebase().db, source.conversationId, source.audience);
      const page = await getDocs(query(base, endBefore(cursor), limitToLast(pageSize)));
      // The conversation on screen may have changed while this page loaded.
      if (this.#source !== source) return;
      for (const doc of page.docs) this.#snapshots.set(doc.id, doc);
      this.#older = prependPage(page.docs.map(toMessage), this.#older);
      this.hasOlder = mayHaveOlder(page.size, pageSize);
    } catch (error) {
      this.olderError = readErrorMessage((error as { code?: string }).code);
    } finally {
      this.loadingOlder = false;
    }
  }
}

/** Create while a component initialises; it listens for as long as the component lives. */
export const messageFeed = (source: () => FeedSource | null, pageSize?: number) => new MessageFeed(source, pageSize);
