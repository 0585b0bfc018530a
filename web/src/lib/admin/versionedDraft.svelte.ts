// An admin form's state under optimistic concurrency: the draft being edited, the
// version it was loaded from, and someone else's newer values when they arrive
// while the draft has edits. Nothing the admin typed is replaced without their
// say: they choose to load the other values or to keep theirs and save over them.
import { untrack } from 'svelte';
import { ChangedElsewhereError, onLiveChange, sameValues, type Stored } from './concurrency';
import { saveErrorMessage } from '$lib/firebase/errors';

export type DraftNotice =
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  /** The form had no edits and now shows values someone else saved. */
  | { kind: 'refreshed'; at: Date }
  /** The admin chose to keep their edits; the next save replaces the other values. */
  | { kind: 'kept' };

interface Options<V, D> {
  /** The stored values, live; undefined while loading. */
  live: () => Stored<V> | undefined;
  toDraft: (values: V) => D;
  fromDraft: (draft: D) => V;
}

export class VersionedDraft<V, D = V> {
  draft = $state(undefined as D);
  loaded = $state.raw<Stored<V> | null>(null);
  /** Someone else's newer values, held back because the draft has edits. */
  incoming = $state.raw<Stored<V> | null>(null);
  saving = $state(false);
  notice = $state.raw<DraftNotice | null>(null);
  readonly dirty: boolean = $derived(this.loaded !== null && !sameValues(this.current(), this.loaded.values));

  readonly #options: Options<V, D>;

  constructor(options: Options<V, D>) {
    this.#options = options;
    $effect(() => {
      const live = options.live();
      if (live) untrack(() => this.#receive(live));
    });
  }

  /** The draft as the values it stands for. */
  current(): V {
    return this.#options.fromDraft(this.draft);
  }

  #adopt(stored: Stored<V>) {
    this.loaded = stored;
    this.draft = this.#options.toDraft(structuredClone(stored.values));
    this.incoming = null;
  }

  #receive(live: Stored<V>) {
    if (!this.loaded) return this.#adopt(live);
    switch (onLiveChange(this.loaded, live, this.current())) {
      case 'acknowledge':
        this.loaded = live;
        this.incoming = null;
        return;
      case 'take-version':
        this.loaded = live;
        return;
      case 'refresh':
        this.#adopt(live);
        this.notice = { kind: 'refreshed', at: new Date() };
        return;
      case 'hold':
        this.incoming = live;
        return;
      case 'ignore':
        return;
    }
  }

  /** Replaces the draft with the other admin's values. */
  loadTheirs() {
    if (!this.incoming) return;
    this.#adopt(this.incoming);
    this.notice = null;
  }

  /** Keeps the draft; the next save knowingly replaces the other admin's values. */
  keepMine() {
    if (!this.incoming) return;
    this.loaded = this.incoming;
    this.incoming = null;
    this.notice = { kind: 'kept' };
  }

  /**
   * Saves the draft with `write`, which must throw ChangedElsewhereError when the
   * stored values moved on, and may return the new version when it knows it.
   */
  async save(write: (loaded: Stored<V>, values: V) => Promise<string | null>): Promise<boolean> {
    const loaded = this.loaded;
    if (!loaded || this.saving) return false;
    const values = this.#options.fromDraft($state.snapshot(this.draft) as D);
    this.saving = true;
    this.notice = null;
    try {
      const version = await write(loaded, values);
      // A snapshot of the save may already have arrived and moved `loaded` on.
      if (this.loaded === loaded) this.loaded = { version: version ?? loaded.version, values };
      this.notice = { kind: 'saved', at: new Date() };
      return true;
    } catch (error) {
      if (error instanceof ChangedElsewhereError) this.incoming = error.current as Stored<V>;
      else this.notice = { kind: 'failed', message: saveErrorMessage(error) };
      return false;
    } finally {
      this.saving = false;
    }
  }
}
