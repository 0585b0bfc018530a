import { describe, expect, it } from 'vitest';
import { setRoleSchema } from './roleChange';

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
