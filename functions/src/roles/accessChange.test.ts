import { describe, expect, it } from 'vitest';
import { accessChangeRefusal, createAccountSchema, setAccountDisabledSchema, type Access } from './accessChange';

const admin: Access = { role: 'admin', disabled: false };
const user: Access = { role: 'user', disabled: false };
const disabledAdmin: Access = { role: 'admin', disabled: true };

describe('accessChangeRefusal', () => {
  it('lets an admin demote or disable another admin while one more stays', () => {
    expect(accessChangeRefusal('a1', 'a2', admin, user, ['a1', 'a2'])).toBeNull();
    expect(accessChangeRefusal('a1', 'a2', admin, disabledAdmin, ['a1', 'a2'])).toBeNull();
  });
  it('refuses the caller demoting or disabling themself', () => {
    expect(accessChangeRefusal('a1', 'a1', admin, user, ['a1', 'a2'])).toMatch(/own admin role/);
    expect(accessChangeRefusal('a1', 'a1', admin, disabledAdmin, ['a1', 'a2'])).toMatch(/disable your own/);
  });
  it('refuses removing the last active admin, and a caller no longer admin', () => {
    // The caller was demoted in the meantime: the transaction read only the target as admin.
    expect(accessChangeRefusal('a1', 'a2', admin, user, ['a2'])).toMatch(/no longer an admin/);
    expect(accessChangeRefusal('a1', 'a1', admin, admin, [])).toMatch(/no longer an admin/);
  });
  it('lets changes that keep admin powers through', () => {
    expect(accessChangeRefusal('a1', 'a1', admin, admin, ['a1'])).toBeNull();
    expect(accessChangeRefusal('a1', 'u1', user, { role: 'specialist', disabled: false }, ['a1'])).toBeNull();
    expect(accessChangeRefusal('a1', 'a2', disabledAdmin, user, ['a1'])).toBeNull();
  });
  it('two admins demoting each other: whichever runs second is refused, one admin stays', () => {
    expect(accessChangeRefusal('a1', 'a2', admin, user, ['a1', 'a2'])).toBeNull();
    // a2's transaction re-reads the admins after a1's committed: only a1 is left.
    expect(accessChangeRefusal('a2', 'a1', admin, user, ['a1'])).not.toBeNull();
  });
});

describe('account payloads', () => {
  it('normalises the email and trims the name', () => {
    expect(createAccountSchema.parse({ displayName: ' Ada ', email: ' Ada@Example.COM ', role: 'user' })).toEqual({
      displayName: 'Ada',
      email: 'ada@example.com',
      role: 'user',
    });
  });
  it.each([
    [{ displayName: '', email: 'a@b.co', role: 'user' }],
    [{ displayName: 'A\nB', email: 'a@b.co', role: 'user' }],
    [{ displayName: 'A', email: 'not-an-email', role: 'user' }],
    [{ displayName: 'A', email: 'a@b.co', role: 'owner' }],
    [{ displayName: 'A', email: 'a@b.co', role: 'user', password: 'x' }],
  ])('rejects %j', (payload) => {
    expect(createAccountSchema.safeParse(payload).success).toBe(false);
  });
  it('accepts a uid and a flag only', () => {
    expect(setAccountDisabledSchema.safeParse({ uid: 'u', disabled: true }).success).toBe(true);
    expect(setAccountDisabledSchema.safeParse({ uid: 'u', disabled: 'yes' }).success).toBe(false);
  });
});
