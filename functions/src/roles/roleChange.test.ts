import { describe, expect, it } from 'vitest';
import { roleChangeRefusal, setRoleSchema } from './roleChange';

describe('setRole payload', () => {
  it('accepts a uid and a known role', () => {
    expect(setRoleSchema.parse({ uid: 'u1', role: 'specialist' })).toEqual({ uid: 'u1', role: 'specialist' });
  });
  it.each([
    [{ uid: 'u1', role: 'owner' }],
    [{ uid: '', role: 'user' }],
    [{ role: 'user' }],
    [{ uid: 'u1', role: 'user', extra: true }],
    [null],
  ])('rejects %j', (payload) => {
    expect(setRoleSchema.safeParse(payload).success).toBe(false);
  });
});

describe('roleChangeRefusal', () => {
  it('refuses an admin demoting themself', () => {
    expect(roleChangeRefusal('a1', { uid: 'a1', role: 'user' })).toMatch(/own admin role/);
  });
  it('lets an admin re-affirm their own admin role', () => {
    expect(roleChangeRefusal('a1', { uid: 'a1', role: 'admin' })).toBeNull();
  });
  it('lets an admin change someone else', () => {
    expect(roleChangeRefusal('a1', { uid: 'u2', role: 'specialist' })).toBeNull();
  });
});
