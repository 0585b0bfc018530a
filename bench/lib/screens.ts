// The listeners the web app's screens hold, built from the app's own queries
// (web/src/lib/firebase/queries.ts), each counting what it is sent and
// reporting arrivals the benchmark waits for.
//
// Arrival keys: `msg:<messageId>@<uid>` a message in a window; `assigned:<c>@<uid>`
// the user sees an assignment; `level2:<c>@<uid>` the user sees a transfer;
// `served:<c>@<uid>` and `served:<c>@*` a desk lists the conversation;
// `case:<c>@<uid>` the user sees the case number of their offline message.
import { doc, limitToLast, query, type Firestore } from 'firebase/firestore';
import { paths, type Level } from '$shared/catalogue';
import type { ConversationDoc, OfflineMessageDoc } from '$shared/model';
import {
  conversationMessages,
  offlineMessageOf,
  ratingOf,
  servedBy,
  servicesOf,
  waitingQueue,
} from '../../web/src/lib/firebase/queries';
import type { Client } from './clients';
import { ReadCounter, type Arrivals } from './listeners';

/** PAGE_SIZE of web/src/lib/chat/messages.svelte.ts: the live window of a conversation. */
export const MESSAGE_WINDOW = 50;
/** SHOWN of the desk's ProjectQueue.svelte. */
export const QUEUE_SHOWN = 50;

/** A conversation's live message window, as MessageFeed opens it. */
export function messageWindow(
  counter: ReadCounter,
  db: Firestore,
  conversationId: string,
  audience: 'user' | 'staff',
  onAdded: (id: string) => void,
) {
  counter.query(query(conversationMessages(db, conversationId, audience), limitToLast(MESSAGE_WINDOW)), (change) => {
    if (change.type === 'added') onAdded(change.doc.id);
  });
}

/** The screen-wide settings listeners (chatSettings() in web/src/lib/chat/settings.svelte.ts). */
function settingsListeners(counter: ReadCounter, db: Firestore) {
  counter.doc(doc(db, paths.chatSettings()));
  counter.doc(doc(db, paths.chatMessages()));
}

export class UserScreen {
  readonly reads = new ReadCounter();
  readonly conversations = new Map<string, ConversationDoc>();
  #typingWatched = new Set<string>();

  constructor(
    readonly client: Client,
    private readonly arrivals: Arrivals,
    { withSettings = false } = {},
  ) {
    if (withSettings) settingsListeners(this.reads, client.db);
  }

  get uid() {
    return this.client.account.uid;
  }

  /** UserConversation.svelte: the conversation, its window, the specialist's typing, offline message and rating. */
  open(conversationId: string): void {
    const { db } = this.client;
    this.reads.doc(doc(db, paths.conversation(conversationId)), (snapshot) => {
      const c = snapshot.data() as ConversationDoc | undefined;
      if (!c) return;
      this.conversations.set(conversationId, c);
      if (c.status === 'assigned') this.arrivals.seen(`assigned:${conversationId}@${this.uid}`);
      if (c.status === 'assigned' && c.level === 2) this.arrivals.seen(`level2:${conversationId}@${this.uid}`);
      if (
        c.status === 'assigned' &&
        c.specialistId &&
        !this.#typingWatched.has(`${conversationId}/${c.specialistId}`)
      ) {
        this.#typingWatched.add(`${conversationId}/${c.specialistId}`);
        this.reads.doc(doc(db, paths.typing(conversationId, c.specialistId)));
      }
    });
    messageWindow(this.reads, db, conversationId, 'user', (id) => this.arrivals.seen(`msg:${id}@${this.uid}`));
    this.reads.query(offlineMessageOf(db, this.uid, conversationId), (change) => {
      const offline = change.doc.data() as OfflineMessageDoc;
      if (offline.caseNumber !== null) this.arrivals.seen(`case:${conversationId}@${this.uid}`);
    });
    this.reads.query(ratingOf(db, this.uid, conversationId));
  }

  stop() {
    this.reads.stop();
  }
}

export class SpecialistDesk {
  readonly reads = new ReadCounter();
  readonly served = new Set<string>();
  #opened = new Set<string>();

  constructor(
    readonly client: Client,
    private readonly arrivals: Arrivals,
    private readonly options: {
      autoOpen: boolean;
      queues?: { projectId: string; level: Level }[];
      withSettings?: boolean;
    },
  ) {}

  get uid() {
    return this.client.account.uid;
  }

  /** SpecialistDesk.svelte: own conversations, services and queues, presence; opens what it is given when autoOpen. */
  start(): void {
    const { db } = this.client;
    if (this.options.withSettings) {
      settingsListeners(this.reads, db);
      this.reads.query(servicesOf(db, this.uid));
      this.reads.doc(doc(db, paths.presence(this.uid)));
    }
    for (const q of this.options.queues ?? []) this.reads.query(waitingQueue(db, q.projectId, q.level, QUEUE_SHOWN));
    this.reads.query(servedBy(db, this.uid), (change) => {
      const id = change.doc.id;
      if (change.type === 'removed') {
        this.served.delete(id);
        return;
      }
      this.served.add(id);
      this.arrivals.seen(`served:${id}@${this.uid}`);
      this.arrivals.seen(`served:${id}@*`);
      if (this.options.autoOpen) this.open(id, (change.doc.data() as ConversationDoc).userId);
    });
  }

  /** SpecialistConversation.svelte: the conversation, its project, every message, the user's typing. */
  open(conversationId: string, userId: string, { withProject = false } = {}): void {
    if (this.#opened.has(conversationId)) return;
    this.#opened.add(conversationId);
    const { db } = this.client;
    this.reads.doc(doc(db, paths.conversation(conversationId)), (snapshot) => {
      const c = snapshot.data() as ConversationDoc | undefined;
      if (withProject && c && !this.#opened.has(`project:${c.projectId}`)) {
        this.#opened.add(`project:${c.projectId}`);
        this.reads.doc(doc(db, paths.project(c.projectId)));
      }
    });
    messageWindow(this.reads, db, conversationId, 'staff', (id) => this.arrivals.seen(`msg:${id}@${this.uid}`));
    this.reads.doc(doc(db, paths.typing(conversationId, userId)));
  }

  stop() {
    this.reads.stop();
  }
}
