import { describe, expect, it } from 'vitest';
import { fillShortcut, insertShortcut, matchShortcuts, shortcutTokenAt } from './shortcuts';

const SHORTCUTS = [
  { key: 'hello', text: 'Hello {userName}, I am {specialistName}.' },
  { key: 'help', text: 'How can I help?' },
  { key: 'bye', text: 'Goodbye from {projectName}!' },
  { key: 'othello', text: 'A play.' },
];

describe('shortcutTokenAt', () => {
  it('finds a slash word at the start of the text or after whitespace', () => {
    expect(shortcutTokenAt('/he', 3)).toEqual({ start: 0, end: 3, query: 'he' });
    expect(shortcutTokenAt('Hi there /HEL', 13)).toEqual({ start: 9, end: 13, query: 'hel' });
    expect(shortcutTokenAt('line one\n/b', 11)).toEqual({ start: 9, end: 11, query: 'b' });
  });

  it('offers every shortcut for a lone slash', () => {
    expect(shortcutTokenAt('Try /', 5)).toEqual({ start: 4, end: 5, query: '' });
  });

  it('takes in the rest of the word when the caret sits inside it', () => {
    expect(shortcutTokenAt('/hello world', 3)).toEqual({ start: 0, end: 6, query: 'hello' });
  });

  it('ignores slashes inside words, after the word ended, and with no slash at all', () => {
    expect(shortcutTokenAt('and/or', 6)).toBeNull();
    expect(shortcutTokenAt('see https://x.org/he', 20)).toBeNull();
    expect(shortcutTokenAt('/hello there', 12)).toBeNull();
    expect(shortcutTokenAt('hello', 5)).toBeNull();
  });
});

describe('matchShortcuts', () => {
  it('puts key prefixes first, then keys containing the query, alphabetically', () => {
    expect(matchShortcuts(SHORTCUTS, 'hel').map((s) => s.key)).toEqual(['hello', 'help', 'othello']);
    expect(matchShortcuts(SHORTCUTS, 'help').map((s) => s.key)).toEqual(['help']);
    expect(matchShortcuts(SHORTCUTS, 'ello').map((s) => s.key)).toEqual(['hello', 'othello']);
    expect(matchShortcuts(SHORTCUTS, 'HE').map((s) => s.key)).toEqual(['hello', 'help', 'othello']);
  });

  it('lists all for an empty query, up to the limit, and none for no match', () => {
    expect(matchShortcuts(SHORTCUTS, '').map((s) => s.key)).toEqual(['bye', 'hello', 'help', 'othello']);
    expect(matchShortcuts(SHORTCUTS, '', 2)).toHaveLength(2);
    expect(matchShortcuts(SHORTCUTS, 'zzz')).toEqual([]);
  });
});

describe('fillShortcut and insertShortcut', () => {
  const values = { userName: 'Uma', specialistName: 'Sam', projectName: 'Printers' };

  it('fills the variables a shortcut may use', () => {
    expect(fillShortcut(SHORTCUTS[0]!, values)).toBe('Hello Uma, I am Sam.');
    expect(fillShortcut(SHORTCUTS[2]!, values)).toBe('Goodbye from Printers!');
  });

  it('replaces the token and puts the caret after the insertion', () => {
    const text = 'Sure. /hel and more';
    const token = shortcutTokenAt(text, 10)!;
    const result = insertShortcut(text, token, 'How can I help?');
    expect(result.text).toBe('Sure. How can I help? and more');
    expect(result.caret).toBe('Sure. How can I help?'.length);
  });
});
