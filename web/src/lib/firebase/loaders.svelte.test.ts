// loadState and pagedState, compiled by Svelte as in the app (vitest project 'runes'):
// reload on a changed input, drop stale answers, describe errors, page until the end.
import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
vi.mock('./app', () => ({ firebase: () => ({ db: 'DB' }) }));
import { loadState } from './load.svelte';
import { pagedState } from './pages.svelte';

function deferred<T>() {
  let resolve!: (v: T) => void, reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('loadState', () => {
  it('loads, reloads on input change, drops stale answers, describes errors', async () => {
    let input = $state(1);
    const calls: Array<ReturnType<typeof deferred<string>>> = [];
    const seen: unknown[] = [];
    let s!: ReturnType<typeof loadState<string>>;
    const stop = $effect.root(() => {
      s = loadState((db) => {
        seen.push([db, input]);
        const d = deferred<string>();
        calls.push(d);
        return d.promise;
      });
    });
    flushSync();
    expect(s.loading).toBe(true);
    expect(seen).toEqual([['DB', 1]]);
    input = 2;
    flushSync();
    expect(seen).toEqual([
      ['DB', 1],
      ['DB', 2],
    ]);
    calls[1]!.resolve('two');
    await tick();
    expect([s.loading, s.data, s.error]).toEqual([false, 'two', null]);
    calls[0]!.resolve('one (stale)');
    await tick();
    expect(s.data).toBe('two');
    input = 3;
    flushSync();
    expect([s.loading, s.data]).toEqual([true, undefined]);
    calls[2]!.reject(Object.assign(new Error('x'), { code: 'permission-denied' }));
    await tick();
    expect(s.loading).toBe(false);
    expect(s.error?.message).toMatch(/not allowed to see this/);
    stop();
  });
});

describe('pagedState', () => {
  it('pages, stops at the last, restarts on input change', async () => {
    let input = $state('a');
    const calls: Array<{
      after: unknown;
      input: string;
      d: ReturnType<typeof deferred<{ items: string[]; next: never }>>;
    }> = [];
    let p!: ReturnType<typeof pagedState<string>>;
    const stop = $effect.root(() => {
      p = pagedState((_db, after) => {
        const d = deferred<{ items: string[]; next: never }>();
        calls.push({ after, input, d });
        return d.promise;
      });
    });
    flushSync();
    expect(calls.length).toBe(1);
    expect(p.loading).toBe(true);
    const cursor = { id: 'c1' } as never;
    calls[0]!.d.resolve({ items: ['a1', 'a2'], next: cursor });
    await tick();
    expect([p.items, p.hasMore, p.loading]).toEqual([['a1', 'a2'], true, false]);
    const more = p.loadMore();
    expect(calls[1]!.after).toBe(cursor);
    void p.loadMore(); // ignored while loading
    expect(calls.length).toBe(2);
    calls[1]!.d.reject({ code: 'unavailable' });
    await more;
    expect(p.items).toEqual(['a1', 'a2']);
    expect(p.error?.message).toMatch(/Cannot reach the database/);
    void p.loadMore();
    calls[2]!.d.resolve({ items: ['a3'], next: null as never });
    await tick();
    expect([p.items, p.hasMore, p.error]).toEqual([['a1', 'a2', 'a3'], false, null]);
    input = 'b';
    flushSync();
    expect(calls[3]!.input).toBe('b');
    expect([p.items, p.loading]).toEqual([[], true]);
    stop();
  });
});
