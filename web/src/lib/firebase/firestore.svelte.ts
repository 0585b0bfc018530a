// Realtime Firestore reads as rune objects, after SvelteFire's docStore and
// collectionStore. Create them while a component initialises: each listens for as
// long as that component lives and re-subscribes when the path or query it reads
// from reactive state changes.
import { doc, onSnapshot, type DocumentSnapshot, type Firestore, type Query } from 'firebase/firestore';
import { firebase } from './app';
import { readErrorMessage } from './errors';

/** A document's data with where it came from. Shapes are trusted because rules validate writes. */
export type WithId<T> = T & { id: string; path: string };

type PathSource = string | null | (() => string | null);

function withId<T>(snapshot: DocumentSnapshot): WithId<T> {
  return { ...(snapshot.data() as T), id: snapshot.id, path: snapshot.ref.path };
}

function problem(error: { code?: string; message: string }): Error {
  return new Error(readErrorMessage(error.code), { cause: error });
}

/** One document. `data` is undefined while loading and null when the document does not exist. */
export class DocState<T> {
  data = $state.raw<WithId<T> | null | undefined>(undefined);
  error = $state.raw<Error | null>(null);
  loading = $state(true);

  constructor(source: PathSource) {
    const pathOf = typeof source === 'function' ? source : () => source;
    $effect(() => {
      const path = pathOf();
      this.data = undefined;
      this.error = null;
      if (path === null) {
        this.data = null;
        this.loading = false;
        return;
      }
      this.loading = true;
      return onSnapshot(
        doc(firebase().db, path),
        (snapshot) => {
          this.data = snapshot.exists() ? withId<T>(snapshot) : null;
          this.loading = false;
        },
        (error) => {
          this.error = problem(error);
          this.loading = false;
        },
      );
    });
  }
}

/** The documents of a query; a factory returning null means "nothing to ask yet". */
export class QueryState<T> {
  data = $state.raw<WithId<T>[]>([]);
  error = $state.raw<Error | null>(null);
  loading = $state(true);

  constructor(factory: (db: Firestore) => Query | null) {
    $effect(() => {
      const query = factory(firebase().db);
      this.data = [];
      this.error = null;
      if (query === null) {
        this.loading = false;
        return;
      }
      this.loading = true;
      return onSnapshot(
        query,
        (snapshot) => {
          this.data = snapshot.docs.map((d) => withId<T>(d));
          this.loading = false;
        },
        (error) => {
          this.error = problem(error);
          this.loading = false;
        },
      );
    });
  }
}

export const docState = <T>(source: PathSource) => new DocState<T>(source);
export const queryState = <T>(factory: (db: Firestore) => Query | null) => new QueryState<T>(factory);
