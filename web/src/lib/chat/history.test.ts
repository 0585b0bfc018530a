import { describe, expect, it } from 'vitest';
import { mayHaveOlder, mergeHistory, prependPage } from './history';

const m = (id: string, text = id) => ({ id, text });

describe('mergeHistory', () => {
  it('keeps messages that slid out of the live window in front of it', () => {
    expect(mergeHistory([m('a'), m('b')], [m('c'), m('d')]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows a message held in both places once, in its live version', () => {
    const merged = mergeHistory([m('a'), m('b', 'old')], [m('b', 'live'), m('c')]);
    expect(merged).toEqual([m('a'), m('b', 'live'), m('c')]);
  });
});

describe('prependPage', () => {
  it('adds an older page in front without duplicates', () => {
    expect(prependPage([m('x'), m('a')], [m('a'), m('b')]).map((x) => x.id)).toEqual(['x', 'a', 'b']);
  });
});

describe('mayHaveOlder', () => {
  it('expects more only after a full page', () => {
    expect(mayHaveOlder(50, 50)).toBe(true);
    expect(mayHaveOlder(49, 50)).toBe(false);
    expect(mayHaveOlder(0, 50)).toBe(false);
  });
});
