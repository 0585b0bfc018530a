import { describe, expect, it } from 'vitest';
import { HOME_BY_ROLE, landingFor, roleFromClaims } from './roles';

describe('roleFromClaims', () => {
  it('reads each known role', () => {
    expect(roleFromClaims({ role: 'admin' })).toBe('admin');
    expect(roleFromClaims({ role: 'specialist' })).toBe('specialist');
    expect(roleFromClaims({ role: 'user' })).toBe('user');
  });

  it('treats a missing, unknown or non-string claim as no role', () => {
    expect(roleFromClaims({})).toBeNull();
    expect(roleFromClaims({ role: 'superuser' })).toBeNull();
    expect(roleFromClaims({ role: ['admin'] })).toBeNull();
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
