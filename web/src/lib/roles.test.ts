import { describe, expect, it } from 'vitest';
import { accountFrom, HOME_BY_ROLE, landingFor } from './roles';

describe('accountFrom', () => {
  it('reads each known role and the name', () => {
    expect(accountFrom({ role: 'admin', displayName: 'Ada' })).toEqual({
      role: 'admin',
      displayName: 'Ada',
      disabled: false,
    });
    expect(accountFrom({ role: 'specialist' }).role).toBe('specialist');
    expect(accountFrom({ role: 'user' }).role).toBe('user');
  });

  it('treats a missing document, an unknown or non-string role as no role', () => {
    expect(accountFrom(undefined)).toEqual({ role: null, displayName: null, disabled: false });
    expect(accountFrom({ role: 'superuser' }).role).toBeNull();
    expect(accountFrom({ role: ['admin'] }).role).toBeNull();
  });

  it('gives a disabled account no role at all', () => {
    expect(accountFrom({ role: 'admin', disabled: true })).toEqual({ role: null, displayName: null, disabled: true });
  });
});

describe('landingFor', () => {
  it('sends each role home when nothing else was asked for', () => {
    expect(landingFor('admin', null)).toBe(HOME_BY_ROLE.admin);
    expect(landingFor('specialist', '')).toBe('/specialist');
    expect(landingFor('user', undefined)).toBe('/chat');
  });

  it('keeps a requested page inside the role’s own area', () => {
    expect(landingFor('admin', '/admin/settings?tab=general')).toBe('/admin/settings?tab=general');
    expect(landingFor('user', '/chat')).toBe('/chat');
  });

  it('ignores pages of another area, look-alike prefixes and other sites', () => {
    expect(landingFor('user', '/admin')).toBe('/chat');
    expect(landingFor('admin', '/administrator')).toBe('/admin');
    expect(landingFor('admin', '//evil.example/admin')).toBe('/admin');
    expect(landingFor('admin', 'https://evil.example/admin')).toBe('/admin');
  });
});
