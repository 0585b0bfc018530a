import { describe, expect, it } from 'vitest';
import {
  newMembersRefusal,
  projectRevision,
  projectValues,
  saveProjectSchema,
  setProjectMembersSchema,
} from './projectChange';

describe('saveProject payload', () => {
  it('trims and accepts a new project', () => {
    expect(
      saveProjectSchema.parse({ projectId: 'p', revision: null, name: ' Net ', description: ' d ', archived: false }),
    ).toEqual({ projectId: 'p', revision: null, name: 'Net', description: 'd', archived: false });
  });
  it.each([
    [{ projectId: 'p', revision: null, name: '', description: '', archived: false }],
    [{ projectId: 'p', revision: null, name: 'x'.repeat(121), description: '', archived: false }],
    [{ projectId: 'p', revision: null, name: 'N', description: 'x'.repeat(2001), archived: false }],
    [{ projectId: 'p/q', revision: null, name: 'N', description: '', archived: false }],
    [{ projectId: 'p', revision: null, name: 'N', description: '', archived: false, lastCaseNumber: 9 }],
    [{ projectId: 'p', name: 'N', description: '', archived: false }],
  ])('rejects %j', (payload) => {
    expect(saveProjectSchema.safeParse(payload).success).toBe(false);
  });
  it('counts a project saved before revisions as 0 and archived as false when absent', () => {
    expect(projectRevision(undefined)).toBe(0);
    expect(projectValues({ name: 'N', description: '' })).toEqual({ name: 'N', description: '', archived: false });
  });
});

describe('setProjectMembers payload', () => {
  it('drops repeats and needs someone to add or remove, never both for one person', () => {
    expect(setProjectMembersSchema.parse({ projectId: 'p', add: ['a', 'a'], remove: [] })).toEqual({
      projectId: 'p',
      add: ['a'],
      remove: [],
    });
    expect(setProjectMembersSchema.safeParse({ projectId: 'p', add: [], remove: [] }).success).toBe(false);
    expect(setProjectMembersSchema.safeParse({ projectId: 'p', add: ['a'], remove: ['a'] }).success).toBe(false);
    expect(
      setProjectMembersSchema.safeParse({
        projectId: 'p',
        add: Array.from({ length: 201 }, (_, i) => `u${i}`),
        remove: [],
      }).success,
    ).toBe(false);
  });
});

describe('newMembersRefusal', () => {
  const accounts = new Map([
    ['u1', { role: 'user' as const }],
    ['s1', { role: 'specialist' as const }],
    ['off', { role: 'user' as const, disabled: true }],
  ]);
  it('takes active user accounts only, naming the others', () => {
    expect(newMembersRefusal(['u1'], accounts)).toBeNull();
    expect(newMembersRefusal(['u1', 'ghost'], accounts)).toBe('No account with uid ghost.');
    expect(newMembersRefusal(['s1'], accounts)).toMatch(/Only user accounts.*not: s1\./);
    expect(newMembersRefusal(['off'], accounts)).toBe('Enable these accounts first: off.');
  });
});
