import { describe, expect, it } from 'vitest';
import { searchTermFor, searchTermsOf, sortNameOf, SEARCH_PREFIX_MAX } from './accountSearch';

describe('account search', () => {
  it('finds an account by the start of any name word or of its email', () => {
    const terms = searchTermsOf('Ada  Lovelace', 'Ada.L@Example.com');
    for (const typed of ['ad', 'Love', 'ada.l@ex', 'example', 'ada.l@example.com']) {
      expect(terms).toContain(searchTermFor(typed));
    }
    expect(terms).not.toContain('velace');
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('caps prefixes, and a longer search looks up its first letters', () => {
    const long = 'x'.repeat(40);
    expect(Math.max(...searchTermsOf(long, 'a@b.c').map((t) => t.length))).toBe(SEARCH_PREFIX_MAX);
    expect(searchTermFor(long)).toBe('x'.repeat(SEARCH_PREFIX_MAX));
  });

  it('reads an empty search as the whole list and sorts by lowercase name then email', () => {
    expect(searchTermFor('   ')).toBeNull();
    expect(sortNameOf(' Bob ', 'B@X.io')).toBe('bob b@x.io');
  });
});
