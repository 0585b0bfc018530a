import { describe, expect, it } from 'vitest';
import { deleteGroupSchema, membersRefusal, revisionOf, saveGroupSchema } from './groupChange';

describe('saveGroup payload', () => {
  it('trims the name and drops repeated members', () => {
    expect(
      saveGroupSchema.parse({ groupId: 'g', revision: null, name: ' Network ', specialistIds: ['a', 'b', 'a'] }),
    ).toEqual({
      groupId: 'g',
      revision: null,
      name: 'Network',
      specialistIds: ['a', 'b'],
    });
  });
  it.each([
    [{ groupId: 'g', revision: null, name: ' ', specialistIds: [] }],
    [{ groupId: 'g', revision: null, name: 'N', specialistIds: Array.from({ length: 201 }, (_, i) => `s${i}`) }],
    [{ groupId: 'a/b', revision: 1, name: 'N', specialistIds: [] }],
    [{ groupId: 'g', revision: -1, name: 'N', specialistIds: [] }],
    [{ revision: null, name: 'N', specialistIds: [] }],
    [{ groupId: 'g', name: 'N', specialistIds: [] }],
    [{ groupId: 'g', revision: null, name: 'N', specialistIds: [], lead: 'x' }],
  ])('rejects %j', (payload) => {
    expect(saveGroupSchema.safeParse(payload).success).toBe(false);
  });
  it('needs a group id and a revision to delete', () => {
    expect(deleteGroupSchema.safeParse({ groupId: 'g', revision: 2 }).success).toBe(true);
    expect(deleteGroupSchema.safeParse({ groupId: 'g' }).success).toBe(false);
  });
});

describe('group members', () => {
  it('takes specialist accounts only, naming the others', () => {
    const roles = new Map([
      ['s1', 'specialist'],
      ['u1', 'user'],
    ]);
    expect(membersRefusal(['s1'], roles)).toBeNull();
    expect(membersRefusal(['s1', 'u1', 'ghost'], roles)).toBe(
      'Only specialist accounts can be in a group; not: u1, ghost.',
    );
  });
  it('counts a group saved before revisions as revision 0', () => {
    expect(revisionOf(undefined)).toBe(0);
    expect(revisionOf({})).toBe(0);
    expect(revisionOf({ revision: 3 })).toBe(3);
  });
});
