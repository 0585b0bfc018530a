// Paged one-shot queries as rune objects: the first page when created, more on
// demand, each starting after the last document of the page before. Create while
// a component initialises. The first page is read again, and what was held
// dropped, when reactive state the fetch reads before its first `await` changes;
// answers meant for an earlier first page are dropped, so two inputs never mix.
import type { DocumentSnapshot, Firestore } from 'firebase/firestore';
import { firebase } from './app';
import { readFailureMessage } from './errors';
import type { Describe } from './load.svelte';

/** One page as the read modules return it (metrics/detailReads.ts's Page is one). */
export interface Page<T> {
  items: T[];
  /** Where the next page starts (for startAfter); null when this page was the last. */
  next: DocumentSnapshot | null;
}

type Fetch<T> = (db: Firestore, after: DocumentSnapshot | null) => Promise<Page<T>>;

export class PagedState<T> {
  /** Every item of the pages read so far, in order. */
  items = $state.raw<T[]>([]);
  /** Why the last page could not be read; the items read before stay. */
  error = $state.raw<Error | null>(null);
  loading = $state(true);
  #next = $state.raw<DocumentSnapshot | null>(null);
  readonly hasMore: boolean = $derived(this.#next !== null);

  readonly #fetch: Fetch<T>;
  readonly #describe: Describe;
  /** Counts first pages: an answer for an older one is stale. */
  #generation = 0;

  constructor(fetch: Fetch<T>, describe: Describe = readFailureMessage) {
    this.#fetch = fetch;
    this.#describe = describe;
    $effect(() => {
      this.items = [];
      this.#next = null;
      void this.#read(null);
    });
  }

  /** Reads the page after the last one held; does nothing while a page is loading or after the last. */
  loadMore(): Promise<void> {
    if (this.loading || this.#next === null) return Promise.resolve();
    return this.#read(this.#next);
  }

  async #read(after: DocumentSnapshot | null): Promise<void> {
    const mine = after === null ? ++this.#generation : this.#generation;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(firebase().db, after);
      if (mine !== this.#generation) return;
      this.items = after === null ? page.items : [...this.items, ...page.items];
      this.#next = page.next;
    } catch (error) {
      if (mine === this.#generation) this.error = new Error(this.#describe(error), { cause: error });
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }
}

export const pagedState = <T>(fetch: Fetch<T>, describe?: Describe) => new PagedState<T>(fetch, describe);
