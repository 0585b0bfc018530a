// One-shot reads as rune objects, beside the realtime ones in firestore.svelte.ts:
// for what is read once (getDoc/getDocs) rather than followed, such as statistics
// that a listener would re-read on every change. Create while a component
// initialises. The read runs again when reactive state it reads before its first
// `await` changes; the answer to an earlier run is dropped, so a slow old read
// never overwrites a newer one.
import type { Firestore } from 'firebase/firestore';
import { firebase } from './app';
import { readFailureMessage } from './errors';

/** Turns whatever a read threw into words a person can act on. */
export type Describe = (error: unknown) => string;

/** `data` is undefined while loading and after a failure; `error` says why it failed. */
export class LoadState<T> {
  data = $state.raw<T | undefined>(undefined);
  error = $state.raw<Error | null>(null);
  loading = $state(true);

  constructor(load: (db: Firestore) => Promise<T>, describe: Describe = readFailureMessage) {
    $effect(() => {
      let stale = false;
      this.data = undefined;
      this.error = null;
      this.loading = true;
      load(firebase().db).then(
        (data) => {
          if (stale) return;
          this.data = data;
          this.loading = false;
        },
        (error: unknown) => {
          if (stale) return;
          this.error = new Error(describe(error), { cause: error });
          this.loading = false;
        },
      );
      return () => {
        stale = true;
      };
    });
  }
}

export const loadState = <T>(load: (db: Firestore) => Promise<T>, describe?: Describe) =>
  new LoadState<T>(load, describe);
